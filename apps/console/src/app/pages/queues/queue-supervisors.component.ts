import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import type { StaffSummary } from '@switchboard/contracts';
import { QueuesApi } from '../../api/queues-api.service';
import { AgentPickerComponent } from '../../shared/agent-picker.component';
import { LatestLoad } from '../../shared/latest-load';

/** The supervisors of one queue (they manage its agents): add, remove. Admins only. */
@Component({
  selector: 'sb-queue-supervisors',
  imports: [MatListModule, MatButtonModule, MatIconModule, AgentPickerComponent],
  template: `
    <section aria-labelledby="queue-supervisors-title" data-testid="queue-supervisors">
      <h2 id="queue-supervisors-title">Supervisors</h2>
      <sb-agent-picker label="Add a supervisor" role="supervisor" testId="queue-supervisor-picker" [exclude]="supervisorIds()" (picked)="add($event)" />
      <mat-list>
        @for (supervisor of supervisors(); track supervisor.id) {
          <mat-list-item [attr.data-testid]="'queue-supervisor-' + supervisor.username">
            <span matListItemTitle>{{ supervisor.fullName }}</span>
            <span matListItemLine>{{ supervisor.username }}</span>
            <button
              mat-icon-button
              matListItemMeta
              type="button"
              (click)="remove(supervisor)"
              [attr.aria-label]="'Remove ' + supervisor.fullName + ' as supervisor'"
              [attr.data-testid]="'remove-supervisor-' + supervisor.username"
            >
              <mat-icon>person_remove</mat-icon>
            </button>
          </mat-list-item>
        } @empty {
          @if (loaded()) {
            <p class="sb-empty" data-testid="queue-no-supervisors">No supervisors yet.</p>
          }
        }
      </mat-list>
    </section>
  `,
  styles: `
    h2 { font: var(--mat-sys-title-medium); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueueSupervisorsComponent {
  private readonly api = inject(QueuesApi);
  readonly queueId = input.required<string>();
  readonly changed = output();

  protected readonly supervisors = signal<StaffSummary[]>([]);
  protected readonly supervisorIds = signal<string[]>([]);
  protected readonly loaded = signal(false);

  constructor() {
    effect(() => this.load(this.queueId()));
  }

  protected add(person: StaffSummary): void {
    this.api.addSupervisor(this.queueId(), person.id).subscribe(() => this.afterChange());
  }

  protected remove(person: StaffSummary): void {
    this.api.removeSupervisor(this.queueId(), person.id).subscribe(() => this.afterChange());
  }

  private afterChange(): void {
    this.load(this.queueId());
    this.changed.emit();
  }

  private readonly loads = new LatestLoad();

  private load(id: string): void {
    this.loads.run(this.api.supervisors(id), {
      next: (list) => {
        this.supervisors.set(list);
        this.supervisorIds.set(list.map((supervisor) => supervisor.id));
        this.loaded.set(true);
      },
    });
  }
}
