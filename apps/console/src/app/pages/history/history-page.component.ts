import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { InteractionStatus, InteractionSummary, StaffChannel } from '@switchboard/contracts';
import { HistoryApi } from '../../api/history-api.service';
import { CHANNEL_ICONS, CHANNEL_LABELS } from '../../shared/labels';
import { PAGE_SIZES, pagedList } from '../../shared/paged-list';
import { HistoryFiltersComponent, NO_FILTERS, type HistoryFilters } from './history-filters.component';
import { STATUS_LABELS } from './history-labels';
import { HistoryOptions } from './history-options';
import { TranscriptDialogComponent } from './transcript-dialog.component';

/**
 * Interaction history: search the messages' words, filter, page; a row opens its transcript.
 * Agents see the interactions they held (the API decides), and only the filters they may use.
 */
@Component({
  selector: 'sb-history-page',
  imports: [DatePipe, MatTableModule, MatSortModule, MatPaginatorModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, HistoryFiltersComponent],
  providers: [HistoryOptions],
  templateUrl: './history-page.component.html',
  styles: `
    .explain { color: var(--mat-sys-on-surface-variant); margin: 0 0 8px; }
    .time { white-space: nowrap; }
    .channel { display: inline-flex; align-items: center; gap: 4px; }
    .channel mat-icon { font-size: 18px; width: 18px; height: 18px; }
    .contact { overflow-wrap: anywhere; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryPageComponent {
  private readonly api = inject(HistoryApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  protected readonly options = inject(HistoryOptions);

  // The server sorts by start time only, so it takes the direction alone; newest first.
  protected readonly list = pagedList<InteractionSummary, HistoryFilters>((params) => this.api.list(params.delete('sort')), {
    filters: { ...NO_FILTERS },
    pageSize: 25,
    sort: 'createdAt',
    order: 'desc',
  });
  protected readonly columns = computed(() => {
    const access = this.options.access();
    return ['createdAt', 'channel', 'contact', ...(access.sites ? ['site'] : []), 'agent', ...(access.queues ? ['queue'] : []), 'status'];
  });
  protected readonly pageSizes = PAGE_SIZES;

  protected statusLabel(status: InteractionStatus): string {
    return STATUS_LABELS[status];
  }

  protected channelLabel(channel: string): string {
    return CHANNEL_LABELS[channel as StaffChannel] ?? channel;
  }

  protected channelIcon(channel: string): string {
    return CHANNEL_ICONS[channel as StaffChannel] ?? 'forum';
  }

  protected open(interaction: InteractionSummary): void {
    // The page's injector: the dialog names agents with the page's lookups.
    this.dialog.open(TranscriptDialogComponent, { data: interaction, injector: this.injector, width: '720px', maxWidth: '95vw', autoFocus: 'dialog' });
  }
}
