import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { Invitation, InvitationSite, OnlineVisitor } from '@switchboard/contracts';
import { catchError, filter, finalize, firstValueFrom, interval, map, of, Subject, switchMap } from 'rxjs';
import { InvitationsApi } from '../../api/invitations-api.service';
import { VisitorsApi } from '../../api/visitors-api.service';
import { errorMessage } from '../../core/error.interceptor';
import { VisitorInviteDialogComponent } from './visitor-invite-dialog.component';
import { inviteBlocker, timeOnSite, visitorLabel } from './visitor-labels';

/** The list follows visitors coming, browsing and leaving this often while the page is open. */
export const VISITORS_REFRESH_MS = 5000;

type Answer = { ok: true; visitors: OnlineVisitor[]; total: number } | { ok: false; error: string };

/**
 * Seed 000's "Visitors Tracking" (every signed-in user): the visitors browsing the sites with the
 * chat box open right now, what they are looking at and have seen, and an invitation to chat.
 * Everything about a visit comes from the visitor's browser: it is shown as text, never as a link
 * or markup.
 */
@Component({
  selector: 'sb-visitors-page',
  imports: [DatePipe, MatButtonModule, MatChipsModule, MatFormFieldModule, MatIconModule, MatPaginatorModule, MatProgressBarModule, MatSelectModule, MatTableModule, MatTooltipModule],
  templateUrl: './visitors-page.component.html',
  styles: `
    .explain { margin: 0 0 16px; color: var(--mat-sys-on-surface-variant); }
    .count { font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface-variant); }
    .muted { display: block; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .name { display: inline-flex; align-items: center; gap: 4px; font-weight: 500; }
    .verified { font-size: 18px; width: 18px; height: 18px; color: var(--mat-sys-primary); }
    /* Long addresses are cut (the whole one is in the tooltip): the table keeps to the page's width. */
    .clip { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    td.visitor { min-width: 150px; }
    td.page { width: 40%; max-width: 0; min-width: 160px; }
    td.referrer { width: 20%; max-width: 0; min-width: 100px; }
    .number, .time { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .actions { text-align: end; white-space: nowrap; }
    .visitor-row td { border-bottom-width: 0; }
    .visitor-row.open { background: var(--mat-sys-surface-container); }
    .detail-row { height: 0; }
    .detail-row td { padding: 0 16px; }
    .detail-row.open td { padding-bottom: 12px; background: var(--mat-sys-surface-container); }
    .pages { margin: 0; padding-left: 24px; display: flex; flex-direction: column; gap: 6px; }
    .pages li { overflow-wrap: anywhere; }
    .pages time { font-variant-numeric: tabular-nums; color: var(--mat-sys-on-surface-variant); margin-right: 8px; }
    .pages .current { font-weight: 500; }
    mat-chip-set { display: inline-block; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitorsPageComponent {
  private readonly api = inject(VisitorsApi);
  private readonly invitationsApi = inject(InvitationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyed = inject(DestroyRef);

  protected readonly sites = signal<InvitationSite[]>([]);
  /** '' = every site. */
  protected readonly siteId = signal('');
  protected readonly visitors = signal<OnlineVisitor[]>([]);
  /** Visitors in all (every page), and the page shown (from 0). */
  protected readonly total = signal(0);
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(50);
  protected readonly loaded = signal(false);
  protected readonly loading = signal(false);
  /** Why the last refresh failed; cleared by the next one that works. */
  protected readonly failure = signal('');
  /** The visitor whose pages are open. */
  protected readonly expanded = signal<string | null>(null);
  /** The clock of the times on site. */
  protected readonly now = signal(Date.now());
  protected readonly columns = ['visitor', 'page', 'pages', 'referrer', 'time', 'tabs', 'status', 'actions'];
  protected readonly siteName = computed(() => this.sites().find((site) => site.id === this.siteId())?.name ?? '');

  protected readonly label = visitorLabel;
  protected readonly blocker = inviteBlocker;
  private readonly refreshes = new Subject<void>();

  constructor() {
    this.refreshes
      .pipe(
        // A newer refresh (another site chosen, the button) wins over one under way.
        switchMap(() => {
          this.loading.set(true);
          return this.api.online(this.siteId() || null, this.pageIndex() + 1, this.pageSize()).pipe(
            map((page): Answer => ({ ok: true, visitors: page.items, total: page.total })),
            catchError((error: unknown) => of<Answer>({ ok: false, error: error instanceof HttpErrorResponse ? errorMessage(error) : 'The visitors could not be loaded.' })),
            finalize(() => this.loading.set(false)),
          );
        }),
        takeUntilDestroyed(this.destroyed),
      )
      .subscribe((answer) => {
        if (!answer.ok) {
          this.failure.set(answer.error);
          return;
        }
        this.failure.set('');
        this.visitors.set(answer.visitors);
        this.total.set(answer.total);
        this.loaded.set(true);
      });
    // A timed refresh waits while one is under way (a slow server is not asked twice).
    interval(VISITORS_REFRESH_MS)
      .pipe(
        filter(() => !this.loading()),
        takeUntilDestroyed(this.destroyed),
      )
      .subscribe(() => this.refresh());
    interval(1000)
      .pipe(takeUntilDestroyed(this.destroyed))
      .subscribe(() => this.now.set(Date.now()));
    this.invitationsApi.sites().subscribe({ next: (sites) => this.sites.set(sites) });
    this.refresh();
  }

  protected refresh(): void {
    this.refreshes.next();
  }

  protected turnPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.refresh();
  }

  protected chooseSite(siteId: string): void {
    this.siteId.set(siteId);
    this.pageIndex.set(0);
    this.loaded.set(false);
    this.visitors.set([]);
    this.refresh();
  }

  /** A visitor's id is theirs on one site: the same signed-in person may browse two. */
  protected key(visitor: OnlineVisitor): string {
    return `${visitor.siteId}/${visitor.id}`;
  }

  protected readonly trackByKey = (_: number, visitor: OnlineVisitor) => this.key(visitor);

  protected isOpen(visitor: OnlineVisitor): boolean {
    return this.expanded() === this.key(visitor);
  }

  protected toggle(visitor: OnlineVisitor): void {
    const key = this.key(visitor);
    this.expanded.update((open) => (open === key ? null : key));
  }

  protected time(visitor: OnlineVisitor): string {
    return timeOnSite(visitor.startedAt, this.now());
  }

  protected async invite(visitor: OnlineVisitor): Promise<void> {
    const ref = this.dialog.open<VisitorInviteDialogComponent, OnlineVisitor, Invitation>(VisitorInviteDialogComponent, { data: visitor, width: '480px' });
    const invitation = await firstValueFrom(ref.afterClosed());
    if (!invitation) return;
    // Shown at once; the next refresh has the server's word.
    this.visitors.update((list) => list.map((entry) => (this.key(entry) === this.key(visitor) ? { ...entry, invited: true } : entry)));
    this.snackBar.open(`Invitation shown to ${visitorLabel(visitor)}`, undefined, { duration: 3000 });
    this.refresh();
  }
}
