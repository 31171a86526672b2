import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';
import { AuditApi } from '../../api/audit-api.service';
import { saveBlob } from '../../shared/download';
import { toParams } from '../../shared/http-params';
import { PAGE_SIZES, pagedList } from '../../shared/paged-list';
import { AUDIT_ACTION_LABELS, actionLabel, dayStart, detailsSummary } from './audit-format';

interface AuditFilters extends Record<string, string> {
  action: AuditAction | '';
  /** ISO instants: `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
}

/** Audit log (administrators): who did what, when and from where; filter, page, expand a row, export CSV. */
@Component({
  selector: 'sb-audit-page',
  imports: [DatePipe, MatTableModule, MatPaginatorModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatProgressBarModule],
  templateUrl: './audit-page.component.html',
  styles: `
    .date { width: 170px; }
    .action-filter { width: 240px; }
    .time { white-space: nowrap; }
    .summary { max-width: 420px; overflow-wrap: anywhere; color: var(--mat-sys-on-surface-variant); }
    tr.detail-row { height: 0; }
    tr.detail-row > td { padding: 0 16px; border-bottom-width: 0; }
    tr.detail-row.open > td { border-bottom-width: 1px; padding-bottom: 12px; }
    pre { margin: 0; padding: 12px; border-radius: 8px; background: var(--mat-sys-surface-container-high); white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; }
    .open-row { background: var(--mat-sys-secondary-container); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPageComponent {
  private readonly api = inject(AuditApi);

  protected readonly list = pagedList<AuditEntry, AuditFilters>((params) => this.api.list(params), { filters: { action: '', from: '', to: '' }, pageSize: 25 });
  protected readonly expandedId = signal<string | null>(null);
  protected readonly exporting = signal(false);
  protected readonly columns = ['at', 'actor', 'ip', 'action', 'target', 'summary'];
  protected readonly detailColumns = ['details'];
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly actionLabels = AUDIT_ACTION_LABELS;
  protected readonly actionLabel = actionLabel;
  protected readonly summary = detailsSummary;

  protected setAction(action: AuditAction | ''): void {
    this.list.setFilters({ action });
  }

  /** The date inputs give a day; `to` includes that whole day. */
  protected setFrom(day: string): void {
    this.list.setFilters({ from: dayStart(day) ?? '' });
  }

  protected setTo(day: string): void {
    this.list.setFilters({ to: dayStart(day, 1) ?? '' });
  }

  protected toggle(entry: AuditEntry): void {
    this.expandedId.update((id) => (id === entry.id ? null : entry.id));
  }

  /** The details as indented JSON, `before` ahead of `after` (the database keeps keys in its own order). */
  protected detailsText(entry: AuditEntry): string {
    if (!entry.details) return 'No details.';
    const { before, after, ...rest } = entry.details;
    const ordered = before === undefined && after === undefined ? rest : { before, after, ...rest };
    return JSON.stringify(ordered, null, 2);
  }

  protected async exportCsv(): Promise<void> {
    const { q, filters } = this.list.query();
    this.exporting.set(true);
    try {
      saveBlob(await firstValueFrom(this.api.exportCsv(toParams({ ...filters, q }))), 'audit.csv');
    } finally {
      this.exporting.set(false);
    }
  }
}
