import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { PRESENCE_STATUSES, STAFF_CHANNELS, type PauseReason, type Presence, type PresenceStatus, type SetPresenceRequest, type StaffChannel } from '@switchboard/contracts';
import { filter, interval } from 'rxjs';
import { RoutingApi } from '../../api/routing-api.service';
import { presenceLabel, presenceTone } from '../../core/presence.service';
import { CHANNEL_LABELS } from '../../shared/labels';
import { PAGE_SIZES, pagedList } from '../../shared/paged-list';
import { PresenceDotComponent } from '../../shared/presence-dot.component';

/** The list follows changes made elsewhere (agents pausing, signing out) this often. */
const REFRESH_MS = 5000;

const STATUS_LABELS: Record<PresenceStatus, string> = { online: 'Online', paused: 'Paused or away', offline: 'Offline' };

/** One channel's load against its capacity, as the table shows it. */
interface ChannelLoad {
  channel: StaffChannel;
  text: string;
}

/**
 * Agents status (administrators; supervisors see their queues' agents): who is online, paused or
 * offline, what each holds against their capacity and tab limit, and a menu to set their status.
 * The server sends presence changes only to the agent concerned, so the list polls while open.
 */
@Component({
  selector: 'sb-presence-page',
  imports: [
    DatePipe,
    MatTableModule,
    MatPaginatorModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatDividerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    MatTooltipModule,
    PresenceDotComponent,
  ],
  template: `
    <header class="sb-page-head">
      <h1>Agents status</h1>
    </header>

    <div class="sb-toolbar">
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="sb-search">
        <mat-label>Search agents</mat-label>
        <mat-icon matPrefix>search</mat-icon>
        <input matInput type="search" #search (input)="list.search(search.value)" data-testid="presence-search" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Status</mat-label>
        <mat-select [value]="list.query().filters.status" (valueChange)="list.setFilters({ status: $event })" data-testid="presence-status-filter">
          <mat-option value="">Any status</mat-option>
          @for (status of statuses; track status) {
            <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>

    <div class="sb-table-wrap">
      @if (list.loading() && !list.loaded()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading agents" />
      }
      <table mat-table [dataSource]="list.items()" aria-label="Agents status">
        <ng-container matColumnDef="fullName">
          <th mat-header-cell *matHeaderCellDef>Agent</th>
          <td mat-cell *matCellDef="let agent">
            {{ agent.fullName }}
            <small class="muted">{{ agent.username }}</small>
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let agent">
            <span class="status" [attr.data-testid]="'presence-status-' + agent.username">
              <sb-presence-dot [tone]="tone(agent)" />
              {{ label(agent) }}
            </span>
            <small class="muted">since {{ agent.since | date: 'short' }}</small>
          </td>
        </ng-container>
        <ng-container matColumnDef="load">
          <th mat-header-cell *matHeaderCellDef>Open / tab limit</th>
          <td mat-cell *matCellDef="let agent" [attr.data-testid]="'presence-load-' + agent.username">
            {{ agent.openTotal }} / {{ agent.tabLimit > 0 ? agent.tabLimit : '∞' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="channels">
          <th mat-header-cell *matHeaderCellDef>Load / capacity by channel</th>
          <td mat-cell *matCellDef="let agent">
            <span class="channels">
              @for (entry of channelLoads(agent); track entry.channel) {
                <span class="channel" [class.off]="!channelEnabled(agent, entry.channel)" [matTooltip]="channelEnabled(agent, entry.channel) ? '' : 'Switched off'">
                  {{ entry.text }}
                </span>
              }
            </span>
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let agent">
            <button
              mat-icon-button
              type="button"
              [matMenuTriggerFor]="statusMenu"
              [matMenuTriggerData]="{ agent }"
              (menuOpened)="loadReasons()"
              [attr.aria-label]="'Set the status of ' + agent.fullName"
              [attr.data-testid]="'presence-actions-' + agent.username"
            >
              <mat-icon>more_vert</mat-icon>
            </button>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let agent; columns: columns" [attr.data-testid]="'presence-row-' + agent.username"></tr>
      </table>
      @if (list.loaded() && !list.items().length) {
        <p class="sb-empty" data-testid="presence-empty">No agents match.</p>
      }
      <mat-paginator [length]="list.total()" [pageIndex]="list.pageIndex()" [pageSize]="list.query().pageSize" [pageSizeOptions]="pageSizes" (page)="list.setPage($event)" aria-label="Agents status pages" />
    </div>

    <mat-menu #statusMenu="matMenu" aria-label="Set the status">
      <ng-template matMenuContent let-agent="agent">
        <button mat-menu-item type="button" (click)="set(agent, { status: 'online' })" data-testid="set-online">
          <span class="status"><sb-presence-dot tone="online" />Online</span>
        </button>
        <button mat-menu-item type="button" (click)="set(agent, { status: 'paused', pauseReasonId: null })" data-testid="set-away">
          <span class="status"><sb-presence-dot tone="away" />Away</span>
        </button>
        @for (reason of reasons(); track reason.id) {
          <button mat-menu-item type="button" (click)="set(agent, { status: 'paused', pauseReasonId: reason.id })" [attr.data-testid]="'set-reason-' + reason.name">
            <span class="status"><sb-presence-dot tone="paused" />Paused: {{ reason.name }}</span>
          </button>
        }
        <mat-divider />
        <button mat-menu-item type="button" (click)="set(agent, { status: 'offline' })" data-testid="set-offline">
          <span class="status"><sb-presence-dot tone="offline" />Offline</span>
        </button>
      </ng-template>
    </mat-menu>
  `,
  styles: `
    .status { display: inline-flex; align-items: center; gap: 8px; }
    .muted { display: block; color: var(--mat-sys-on-surface-variant); }
    .channels { display: flex; flex-wrap: wrap; gap: 4px 12px; }
    .channel { white-space: nowrap; }
    .channel.off { color: var(--mat-sys-on-surface-variant); text-decoration: line-through; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PresencePageComponent {
  private readonly api = inject(RoutingApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly list = pagedList((params) => this.api.presenceList(params), { filters: { status: '' as PresenceStatus | '' }, pageSize: 25 });
  protected readonly reasons = signal<PauseReason[]>([]);
  protected readonly columns = ['fullName', 'status', 'load', 'channels', 'actions'];
  protected readonly statuses = PRESENCE_STATUSES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly label = presenceLabel;
  protected readonly tone = presenceTone;

  constructor() {
    // A refresh waits while one is under way (a slow server is not asked twice).
    interval(REFRESH_MS)
      .pipe(
        filter(() => !this.list.loading()),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => this.list.reload());
    this.loadReasons();
  }

  /** Reasons may have changed since the page opened: read again when a menu opens. */
  protected loadReasons(): void {
    this.api.pauseReasons().subscribe({ next: (reasons) => this.reasons.set(reasons.filter((reason) => !reason.archived)) });
  }

  /** The agent's channels, each "Chat 1/3" (load / capacity; ∞ when unlimited). */
  protected channelLoads(agent: Presence): ChannelLoad[] {
    return STAFF_CHANNELS.filter((channel) => agent.channels.some((entry) => entry.channel === channel)).map((channel) => {
      const capacity = agent.capacity[channel];
      return { channel, text: `${CHANNEL_LABELS[channel]} ${agent.load[channel] ?? 0}/${capacity > 0 ? capacity : '∞'}` };
    });
  }

  protected channelEnabled(agent: Presence, channel: StaffChannel): boolean {
    return agent.channels.find((entry) => entry.channel === channel)?.enabled ?? false;
  }

  protected set(agent: Presence, request: SetPresenceRequest): void {
    this.api.setPresence(agent.agentId, request).subscribe({
      next: (presence) => {
        this.snackBar.open(`${presence.fullName} is now ${presenceLabel(presence)}`, undefined, { duration: 3000 });
        this.list.reload();
      },
    });
  }
}
