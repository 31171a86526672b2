import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { OutboxMail } from '@switchboard/contracts';
import { SecurityApi } from '../../api/security-api.service';
import { PAGE_SIZES, pagedList } from '../../shared/paged-list';

const STATUS_LABELS: Record<OutboxMail['status'], string> = { outbox: 'In the outbox', queued: 'Queued for sending', sent: 'Sent', failed: 'Failed' };

/** The label of a status, or the status itself for one this console does not know yet. */
function statusLabel(status: string): string {
  return STATUS_LABELS[status as OutboxMail['status']] ?? status;
}

/**
 * Mail outbox (administrators): the mails the server sent, or kept here when no SMTP server is
 * configured (password resets, say). A row shows the mail's text, as plain text.
 */
@Component({
  selector: 'sb-outbox-page',
  imports: [DatePipe, MatTableModule, MatPaginatorModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  templateUrl: './outbox-page.component.html',
  styles: `
    .layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(300px, 2fr); gap: 16px; align-items: start; }
    @media (max-width: 960px) { .layout { grid-template-columns: 1fr; } }
    .selected { background: var(--mat-sys-secondary-container); }
    .time { white-space: nowrap; }
    .mail { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px; display: flex; flex-direction: column; gap: 8px; }
    .mail h2 { font: var(--mat-sys-title-medium); margin: 0; overflow-wrap: anywhere; }
    .mail dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 0; }
    .mail dt { color: var(--mat-sys-on-surface-variant); }
    .mail dd { margin: 0; overflow-wrap: anywhere; }
    pre { margin: 0; padding: 12px; border-radius: 8px; background: var(--mat-sys-surface-container-high); white-space: pre-wrap; overflow-wrap: anywhere; font: var(--mat-sys-body-medium); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPageComponent {
  private readonly api = inject(SecurityApi);

  protected readonly list = pagedList((params) => this.api.outbox(params), { filters: {}, pageSize: 25 });
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => this.list.items().find((mail) => mail.id === this.selectedId()) ?? null);
  protected readonly columns = ['to', 'subject', 'createdAt', 'status'];
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly statusLabel = statusLabel;
}
