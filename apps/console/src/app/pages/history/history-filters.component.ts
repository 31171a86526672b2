import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { InteractionStatus, STAFF_CHANNELS, type StaffChannel } from '@switchboard/contracts';
import { CHANNEL_LABELS } from '../../shared/labels';
import { dayStart } from '../audit/audit-format';
import { STATUS_LABELS } from './history-labels';
import { HistoryOptions } from './history-options';

/** The history query's filters, as `GET /api/v1/interactions` takes them ('' = any). */
export interface HistoryFilters extends Record<string, string> {
  siteId: string;
  agentId: string;
  queueId: string;
  channel: StaffChannel | '';
  status: InteractionStatus | '';
  /** ISO instants: `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
}

export const NO_FILTERS: HistoryFilters = { siteId: '', agentId: '', queueId: '', channel: '', status: '', from: '', to: '' };

/** The filters of the history list; the ones the user may not use (an agent's agent filter) are not there. */
@Component({
  selector: 'sb-history-filters',
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    @if (options.access().sites) {
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="select">
        <mat-label>Site</mat-label>
        <mat-select [value]="filters().siteId" (valueChange)="changed.emit({ siteId: $event })" data-testid="history-filter-site">
          <mat-option value="">All sites</mat-option>
          @for (site of options.sites(); track site.id) {
            <mat-option [value]="site.id">{{ site.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    }
    @if (options.access().agents) {
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="select">
        <mat-label>Agent</mat-label>
        <mat-select [value]="filters().agentId" (valueChange)="changed.emit({ agentId: $event })" data-testid="history-filter-agent">
          <mat-option value="">All agents</mat-option>
          @for (agent of options.agents(); track agent.id) {
            <mat-option [value]="agent.id">{{ agent.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    }
    @if (options.access().queues) {
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="select">
        <mat-label>Queue</mat-label>
        <mat-select [value]="filters().queueId" (valueChange)="changed.emit({ queueId: $event })" data-testid="history-filter-queue">
          <mat-option value="">All queues</mat-option>
          @for (queue of options.queues(); track queue.id) {
            <mat-option [value]="queue.id">{{ queue.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    }
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="select narrow">
      <mat-label>Channel</mat-label>
      <mat-select [value]="filters().channel" (valueChange)="changed.emit({ channel: $event })" data-testid="history-filter-channel">
        <mat-option value="">All channels</mat-option>
        @for (channel of channels; track channel) {
          <mat-option [value]="channel">{{ channelLabels[channel] }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="select narrow">
      <mat-label>Status</mat-label>
      <mat-select [value]="filters().status" (valueChange)="changed.emit({ status: $event })" data-testid="history-filter-status">
        <mat-option value="">All statuses</mat-option>
        @for (status of statuses; track status) {
          <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="date">
      <mat-label>From</mat-label>
      <input matInput type="date" #from (change)="changed.emit({ from: dayStart(from.value) ?? '' })" data-testid="history-filter-from" />
    </mat-form-field>
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="date">
      <mat-label>To</mat-label>
      <input matInput type="date" #to (change)="changed.emit({ to: dayStart(to.value, 1) ?? '' })" data-testid="history-filter-to" />
    </mat-form-field>
  `,
  styles: `
    :host { display: contents; }
    .select { width: 220px; }
    .narrow { width: 170px; }
    .date { width: 170px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryFiltersComponent {
  readonly filters = input.required<HistoryFilters>();
  /** The filters the user changed (the date inputs give a day; `to` takes in that whole day). */
  readonly changed = output<Partial<HistoryFilters>>();

  protected readonly options = inject(HistoryOptions);
  protected readonly channels = STAFF_CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly statuses = Object.values(InteractionStatus);
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly dayStart = dayStart;
}
