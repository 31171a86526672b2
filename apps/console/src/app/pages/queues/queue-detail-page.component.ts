import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { Role, type Queue } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { QueuesApi } from '../../api/queues-api.service';
import { AuthService } from '../../core/auth.service';
import { CHANNEL_ICONS, CHANNEL_LABELS } from '../../shared/labels';
import { QueueDialogComponent } from './queue-dialog.component';
import { QueueMembersComponent } from './queue-members.component';
import { QueueSupervisorsComponent } from './queue-supervisors.component';

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
    <div class="sections">
      <sb-queue-members [queueId]="id()" [canManage]="true" (changed)="load()" />
      @if (isAdmin()) {
        <sb-queue-supervisors [queueId]="id()" (changed)="load()" />
      }
    </div>
  `,
  styles: `
    h1 { display: flex; align-items: center; gap: 8px; }
    .description { color: var(--mat-sys-on-surface-variant); }
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

  constructor() {
    effect(() => this.fetch(this.id()));
  }

  protected load(): void {
    this.fetch(this.id());
  }

  protected async edit(queue: Queue): Promise<void> {
    const ref = this.dialog.open<QueueDialogComponent, Queue, Queue>(QueueDialogComponent, { data: queue, width: '460px' });
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved) this.queue.set(saved);
  }

  private fetch(id: string): void {
    this.api.get(id).subscribe({ next: (queue) => this.queue.set(queue) });
  }
}
