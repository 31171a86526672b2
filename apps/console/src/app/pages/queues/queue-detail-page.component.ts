import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { OverflowAction, Role, type Queue } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { QueuesApi } from '../../api/queues-api.service';
import { AuthService } from '../../core/auth.service';
import { CHANNEL_ICONS, CHANNEL_LABELS } from '../../shared/labels';
import { QueueDialogComponent } from './queue-dialog.component';
import { QueueMembersComponent } from './queue-members.component';
import { QueueSupervisorsComponent } from './queue-supervisors.component';
import { OVERFLOW_ACTION_LABELS, ROUTING_STRATEGY_LABELS } from './routing-labels';

/** One queue (`/queues/:id`): its members with priorities, and (admins) its supervisors. */
@Component({
  selector: 'sb-queue-detail-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, QueueMembersComponent, QueueSupervisorsComponent],
  template: `
    <header class="sb-page-head">
      <a mat-icon-button routerLink="/queues" aria-label="Back to queues">
        <mat-icon>arrow_back</mat-icon>
      </a>
      @if (queue(); as current) {
        <h1 data-testid="queue-title">
          <mat-icon aria-hidden="true">{{ icons[current.channel] }}</mat-icon>
          {{ current.name }} <small>({{ labels[current.channel] }})</small>
        </h1>
        @if (isAdmin()) {
          <button mat-stroked-button type="button" (click)="edit(current)" data-testid="edit-queue">
            <mat-icon>edit</mat-icon>
            Edit
          </button>
        }
      } @else {
        <h1>Queue</h1>
      }
    </header>
    @if (queue()?.description; as description) {
      <p class="description">{{ description }}</p>
    }
    @if (routing(); as summary) {
      <p class="routing" data-testid="queue-routing">{{ summary }}</p>
    }
    <div class="sections">
      <sb-queue-members [queueId]="id()" [canManage]="true" (changed)="load()" />
      @if (isAdmin()) {
        <sb-queue-supervisors [queueId]="id()" (changed)="load()" />
      }
    </div>
  `,
  styles: `
    h1 { display: flex; align-items: center; gap: 8px; }
    .description, .routing { color: var(--mat-sys-on-surface-variant); }
    .sections { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr); gap: 24px; align-items: start; }
    @media (max-width: 960px) { .sections { grid-template-columns: 1fr; } }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueueDetailPageComponent {
  private readonly api = inject(QueuesApi);
  private readonly dialog = inject(MatDialog);
  private readonly auth = inject(AuthService);

  /** The route's `:id`. */
  readonly id = input.required<string>();
  protected readonly queue = signal<Queue | null>(null);
  protected readonly isAdmin = computed(() => this.auth.user()?.role === Role.Admin);
  protected readonly labels = CHANNEL_LABELS;
  protected readonly icons = CHANNEL_ICONS;
  /** One line on how the queue routes: strategy, offer timeout, maximum wait and overflow. */
  protected readonly routing = computed(() => {
    const queue = this.queue();
    if (!queue) return '';
    const wait = queue.maxWaitSeconds > 0 ? `wait up to ${queue.maxWaitSeconds} s, then ${this.overflowText(queue)}` : 'no wait limit';
    return `Routing: ${ROUTING_STRATEGY_LABELS[queue.strategy]} · offers last ${queue.offerTimeoutSeconds} s · ${wait}`;
  });
  /** Names of the other queues, for the overflow target. */
  private readonly names = signal<ReadonlyMap<string, string>>(new Map());

  constructor() {
    effect(() => this.fetch(this.id()));
  }

  protected load(): void {
    this.fetch(this.id());
  }

  protected async edit(queue: Queue): Promise<void> {
    const ref = this.dialog.open<QueueDialogComponent, Queue, Queue>(QueueDialogComponent, { data: queue, width: '460px' });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.queue.set(saved);
    if (saved.overflowQueueId && !this.names().has(saved.overflowQueueId)) this.fetchName(saved.overflowQueueId);
  }

  private overflowText(queue: Queue): string {
    if (queue.overflowAction !== OverflowAction.Queue) return OVERFLOW_ACTION_LABELS[queue.overflowAction].toLowerCase();
    const target = queue.overflowQueueId ? this.names().get(queue.overflowQueueId) : undefined;
    return target ? `move to ${target}` : 'move to another queue';
  }

  private fetch(id: string): void {
    this.api.get(id).subscribe({
      next: (queue) => {
        this.queue.set(queue);
        if (queue.overflowQueueId && !this.names().has(queue.overflowQueueId)) this.fetchName(queue.overflowQueueId);
      },
    });
  }

  private fetchName(id: string): void {
    this.api.get(id).subscribe({ next: (other) => this.names.update((map) => new Map(map).set(other.id, other.name)) });
  }
}
