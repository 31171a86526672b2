import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import type { StaffSummary, Team } from '@switchboard/contracts';
import { TeamsApi } from '../../api/teams-api.service';
import { AgentPickerComponent } from '../../shared/agent-picker.component';
import { ROLE_LABELS } from '../../shared/labels';
import { LatestLoad } from '../../shared/latest-load';

/** The members of one team: list, add by search, remove. */
@Component({
  selector: 'sb-team-members',
  imports: [MatListModule, MatButtonModule, MatIconModule, AgentPickerComponent],
  template: `
    <section class="panel" aria-labelledby="team-members-title" data-testid="team-members">
      <h2 id="team-members-title">Members of {{ team().name }}</h2>
      @if (canManage()) {
        <sb-agent-picker label="Add a member" testId="team-member-picker" [exclude]="memberIds()" (picked)="add($event)" />
      }
      @if (members(); as list) {
        <mat-list>
          @for (member of list; track member.id) {
            <mat-list-item [attr.data-testid]="'team-member-' + member.username">
              <span matListItemTitle>{{ member.fullName }}</span>
              <span matListItemLine>{{ member.username }} · {{ roleLabels[member.role] }}{{ member.disabled ? ' · disabled' : '' }}</span>
              @if (canManage()) {
                <button
                  mat-icon-button
                  matListItemMeta
                  type="button"
                  (click)="remove(member)"
                  [attr.aria-label]="'Remove ' + member.fullName + ' from the team'"
                  [attr.data-testid]="'remove-team-member-' + member.username"
                >
                  <mat-icon>person_remove</mat-icon>
                </button>
              }
            </mat-list-item>
          } @empty {
            <p class="sb-empty" data-testid="team-no-members">No members yet.</p>
          }
        </mat-list>
      }
    </section>
  `,
  styles: `
    .panel { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 12px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamMembersComponent {
  private readonly api = inject(TeamsApi);
  readonly team = input.required<Team>();
  readonly canManage = input(false);
  /** Emitted after a member was added or removed (the team's count changed). */
  readonly changed = output();

  protected readonly members = signal<StaffSummary[] | null>(null);
  protected readonly memberIds = signal<string[]>([]);
  protected readonly roleLabels = ROLE_LABELS;

  private readonly teamId = computed(() => this.team().id);

  constructor() {
    effect(() => this.load(this.teamId()));
  }

  protected add(person: StaffSummary): void {
    this.api.addMember(this.team().id, person.id).subscribe(() => this.afterChange());
  }

  protected remove(person: StaffSummary): void {
    this.api.removeMember(this.team().id, person.id).subscribe(() => this.afterChange());
  }

  private afterChange(): void {
    this.load(this.team().id);
    this.changed.emit();
  }

  private readonly loads = new LatestLoad();

  private load(id: string): void {
    this.loads.run(this.api.members(id), {
      next: (list) => {
        this.members.set(list);
        this.memberIds.set(list.map((member) => member.id));
      },
      error: () => this.members.set([]),
    });
  }
}
