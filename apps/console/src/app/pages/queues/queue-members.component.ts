import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { QUEUE_PRIORITY_MAX, QUEUE_PRIORITY_MIN, type QueueMember, type StaffSummary } from '@switchboard/contracts';
import { QueuesApi } from '../../api/queues-api.service';
import { AgentPickerComponent } from '../../shared/agent-picker.component';
import { LatestLoad } from '../../shared/latest-load';

const PRIORITIES = Array.from({ length: QUEUE_PRIORITY_MAX - QUEUE_PRIORITY_MIN + 1 }, (_, index) => QUEUE_PRIORITY_MIN + index);

/** The agents of one queue with their priority (1 is tried first): add, re-prioritise, remove. */
@Component({
  selector: 'sb-queue-members',
  imports: [FormsModule, MatTableModule, MatSelectModule, MatFormFieldModule, MatButtonModule, MatIconModule, AgentPickerComponent],
  template: `
    <section aria-labelledby="queue-members-title" data-testid="queue-members">
      <h2 id="queue-members-title">Members</h2>
      @if (canManage()) {
        <div class="add">
          <sb-agent-picker label="Add a member" testId="queue-member-picker" [exclude]="memberIds()" (picked)="add($event)" />
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="priority">
            <mat-label>Priority</mat-label>
            <mat-select [ngModel]="newPriority()" (ngModelChange)="newPriority.set($event)" data-testid="queue-member-priority">
              @for (priority of priorities; track priority) {
                <mat-option [value]="priority">{{ priority }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
      }
      <div class="sb-table-wrap">
        <table mat-table [dataSource]="members()" aria-label="Queue members">
          <ng-container matColumnDef="fullName">
            <th mat-header-cell *matHeaderCellDef>Name</th>
            <td mat-cell *matCellDef="let member">{{ member.fullName }}</td>
          </ng-container>
          <ng-container matColumnDef="username">
            <th mat-header-cell *matHeaderCellDef>Username</th>
            <td mat-cell *matCellDef="let member">{{ member.username }}</td>
          </ng-container>
          <ng-container matColumnDef="priority">
            <th mat-header-cell *matHeaderCellDef>Priority</th>
            <td mat-cell *matCellDef="let member">
              @if (canManage()) {
                <mat-select
                  class="row-priority"
                  [value]="member.priority"
                  (selectionChange)="setPriority(member, $event.value)"
                  [aria-label]="'Priority of ' + member.fullName"
                  [attr.data-testid]="'priority-' + member.username"
                >
                  @for (priority of priorities; track priority) {
                    <mat-option [value]="priority">{{ priority }}</mat-option>
                  }
                </mat-select>
              } @else {
                {{ member.priority }}
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">Actions</span></th>
            <td mat-cell *matCellDef="let member">
              @if (canManage()) {
                <button mat-icon-button type="button" (click)="remove(member)" [attr.aria-label]="'Remove ' + member.fullName" [attr.data-testid]="'remove-member-' + member.username">
                  <mat-icon>person_remove</mat-icon>
                </button>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let member; columns: columns" [attr.data-testid]="'queue-member-' + member.username"></tr>
        </table>
        @if (loaded() && !members().length) {
          <p class="sb-empty" data-testid="queue-no-members">No members yet.</p>
        }
      </div>
    </section>
  `,
  styles: `
    h2 { font: var(--mat-sys-title-medium); }
    .add { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 12px; }
    .priority { width: 120px; }
    .row-priority { width: 64px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueueMembersComponent {
  private readonly api = inject(QueuesApi);
  readonly queueId = input.required<string>();
  readonly canManage = input(false);
  readonly changed = output();

  protected readonly members = signal<QueueMember[]>([]);
  protected readonly memberIds = signal<string[]>([]);
  protected readonly loaded = signal(false);
  protected readonly newPriority = signal(QUEUE_PRIORITY_MIN);
  protected readonly priorities = PRIORITIES;
  protected readonly columns = ['fullName', 'username', 'priority', 'actions'];

  constructor() {
    effect(() => this.load(this.queueId()));
  }

  protected add(person: StaffSummary): void {
    this.api.addMember(this.queueId(), person.id, this.newPriority()).subscribe(() => this.afterChange());
  }

  protected setPriority(member: QueueMember, priority: number): void {
    this.api.setPriority(this.queueId(), member.id, priority).subscribe({ next: () => this.load(this.queueId()), error: () => this.load(this.queueId()) });
  }

  protected remove(member: QueueMember): void {
    this.api.removeMember(this.queueId(), member.id).subscribe(() => this.afterChange());
  }

  private afterChange(): void {
    this.load(this.queueId());
    this.changed.emit();
  }

  private readonly loads = new LatestLoad();

  private load(id: string): void {
    this.loads.run(this.api.members(id), {
      next: (list) => {
        this.members.set(list);
        this.memberIds.set(list.map((member) => member.id));
        this.loaded.set(true);
      },
    });
  }
}
