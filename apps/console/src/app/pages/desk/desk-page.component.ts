import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import type { InteractionSummary, Offer } from '@switchboard/contracts';
import { finalize, firstValueFrom, interval, type Observable } from 'rxjs';
import { RoutingApi } from '../../api/routing-api.service';
import { ConsoleSocket } from '../../core/console-socket.service';
import { PresenceService } from '../../core/presence.service';
import { ChatPaneComponent } from './chat-pane.component';
import { DeskConversations } from './desk-conversations.service';
import { channelLabel, contactLabel } from './desk-labels';
import { InvitationDialogComponent } from './invitation-dialog.component';
import { OfferAlertTogglesComponent } from './offer-alert-toggles.component';
import { OfferAlertService } from './offer-alert.service';
import { TransferDialogComponent } from './transfer-dialog.component';

/** After an offer's expiry, wait this long for the server's `offer.ended` before asking for the desk again. */
const RESYNC_AFTER_EXPIRY_MS = 3000;

/** Replaces the item with the same id, or adds it at the end. */
function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((entry) => entry.id === item.id) ? list.map((entry) => (entry.id === item.id ? item : entry)) : [...list, item];
}

/**
 * My desk (every signed-in user): the offers waiting for an answer, with their countdown, and the
 * interactions this user holds, one tab each with its conversation. Kept live by the console
 * socket; a new offer is announced too (a toast, and the sound and notification the agent chose).
 */
@Component({
  selector: 'sb-desk-page',
  imports: [MatCardModule, MatButtonModule, MatIconModule, MatProgressBarModule, MatTabsModule, ChatPaneComponent, OfferAlertTogglesComponent],
  providers: [DeskConversations],
  template: `
    <header class="sb-page-head">
      <h1>My desk</h1>
      <button mat-stroked-button type="button" (click)="invite()" data-testid="desk-invite">
        <mat-icon>add_link</mat-icon>
        Invite
      </button>
      <sb-offer-alert-toggles />
    </header>
    @if (presence.presence() && presence.tone() !== 'online') {
      <p class="hint" data-testid="desk-not-online">You are {{ presence.label() }}: new interactions are not offered to you until you are Online.</p>
    }
    @if (!loaded()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the desk" />
    }

    <section aria-labelledby="offers-title" data-testid="desk-offers">
      <h2 id="offers-title">Offers</h2>
      <div class="offers">
        @for (offer of offers(); track offer.id) {
          <mat-card appearance="outlined" class="offer" [attr.data-testid]="'offer-' + offer.interaction.id">
            <mat-card-header>
              <mat-card-title data-testid="offer-contact">{{ contact(offer.interaction) }}</mat-card-title>
              <mat-card-subtitle>{{ channel(offer.interaction.channel) }}</mat-card-subtitle>
            </mat-card-header>
            <mat-card-content>
              @if (offer.interaction.contactName) {
                <p class="line">{{ offer.interaction.contactAddress }}</p>
              }
              @if (offer.interaction.pageUrl) {
                <p class="line url" [title]="offer.interaction.pageUrl" data-testid="offer-page">{{ offer.interaction.pageUrl }}</p>
              }
              <p class="countdown" [class.urgent]="secondsLeft(offer.expiresAt) <= 5" data-testid="offer-countdown" aria-live="off">
                @if (secondsLeft(offer.expiresAt) > 0) {
                  Expires in {{ secondsLeft(offer.expiresAt) }} s
                } @else {
                  Expiring…
                }
                @if (offer.autoAnswerAt && secondsLeft(offer.autoAnswerAt) > 0) {
                  · auto answer in {{ secondsLeft(offer.autoAnswerAt) }} s
                }
              </p>
            </mat-card-content>
            <mat-card-actions align="end">
              <button mat-button type="button" (click)="reject(offer)" [disabled]="working().has(offer.id)" data-testid="offer-reject">Reject</button>
              <button mat-flat-button type="button" (click)="accept(offer)" [disabled]="working().has(offer.id)" data-testid="offer-accept">Accept</button>
            </mat-card-actions>
          </mat-card>
        } @empty {
          @if (loaded()) {
            <p class="sb-empty" data-testid="desk-no-offers">No offers waiting.</p>
          }
        }
      </div>
    </section>

    <section aria-labelledby="open-title" data-testid="desk-interactions">
      <h2 id="open-title">
        Open interactions
        @if (tabLimit()) {
          <small class="count" data-testid="desk-tab-count">{{ interactions().length }} of {{ tabLimit() }}</small>
        }
      </h2>
      @if (interactions().length) {
        <nav mat-tab-nav-bar [tabPanel]="panel" mat-stretch-tabs="false" aria-label="Open interactions" class="tabs">
          @for (interaction of interactions(); track interaction.id) {
            <a
              mat-tab-link
              [active]="conversations.selected() === interaction.id"
              (click)="conversations.select(interaction.id)"
              [attr.data-testid]="'desk-tab-' + interaction.id"
              [attr.aria-label]="contact(interaction) + (unread(interaction.id) ? ', ' + unread(interaction.id) + ' unread' : '')"
            >
              <span class="tab-label">{{ contact(interaction) }}</span>
              @if (unread(interaction.id); as count) {
                <span class="unread" data-testid="desk-tab-unread" aria-hidden="true">{{ count }}</span>
              }
            </a>
          }
        </nav>
        <mat-tab-nav-panel #panel>
          @if (selected(); as interaction) {
            <sb-chat-pane [interaction]="interaction" [busy]="working().has(interaction.id)" (closeChat)="close(interaction)" (transferChat)="transfer(interaction)" />
          }
        </mat-tab-nav-panel>
      } @else if (loaded()) {
        <p class="sb-empty" data-testid="desk-no-interactions">No open interactions.</p>
      }
    </section>
  `,
  styles: `
    h2 { font: var(--mat-sys-title-medium); }
    .hint { color: var(--mat-sys-on-surface-variant); margin-top: 0; }
    section { margin-bottom: 24px; }
    .offers { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 16px; }
    .offers .sb-empty { grid-column: 1 / -1; }
    .line { margin: 0 0 4px; overflow-wrap: anywhere; }
    .url { color: var(--mat-sys-on-surface-variant); overflow-wrap: anywhere; }
    .countdown { margin: 8px 0 0; font: var(--mat-sys-label-large); }
    .countdown.urgent { color: var(--mat-sys-error); }
    .count { margin-left: 8px; font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .tabs { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px 12px 0 0; }
    .tab-label { max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .unread {
      margin-left: 8px; min-width: 20px; height: 20px; padding: 0 6px; box-sizing: border-box; border-radius: 10px;
      background: var(--mat-sys-error); color: var(--mat-sys-on-error); font: var(--mat-sys-label-small); line-height: 20px; text-align: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeskPageComponent {
  private readonly api = inject(RoutingApi);
  private readonly socket = inject(ConsoleSocket);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly destroyed = inject(DestroyRef);
  private readonly alerts = inject(OfferAlertService);
  protected readonly presence = inject(PresenceService);
  protected readonly conversations = inject(DeskConversations);

  private readonly offerList = signal<Offer[]>([]);
  protected readonly interactions = signal<InteractionSummary[]>([]);
  protected readonly loaded = signal(false);
  /** Offers and interactions with a request under way: their buttons wait. */
  protected readonly working = signal<ReadonlySet<string>>(new Set());
  /** The clock of the countdowns. */
  private readonly now = signal(Date.now());
  /** Offers oldest first, as they would time out. */
  protected readonly offers = computed(() => [...this.offerList()].sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt)));
  /** The interaction whose conversation is on screen. */
  protected readonly selected = computed(() => this.interactions().find((interaction) => interaction.id === this.conversations.selected()) ?? null);
  /** How many interactions the server lets the agent hold at once (0: no limit). */
  protected readonly tabLimit = computed(() => this.presence.presence()?.tabLimit ?? 0);
  protected readonly contact = contactLabel;
  protected readonly channel = channelLabel;

  /** What the socket removed while the desk was loading, so a slower answer cannot bring it back. */
  private readonly gone = new Set<string>();
  /** Expired offers the desk was already reloaded for. */
  private readonly resynced = new Set<string>();

  constructor() {
    // Listen first, then load: nothing that happens in between is missed.
    this.live('offer.new').subscribe((offer) => {
      this.offerList.update((list) => upsert(list, offer));
      this.announce(offer);
      this.alerts.offer(offer);
    });
    this.live('offer.accepted').subscribe(({ offerId, interaction }) => {
      this.dropOffer(offerId);
      // Accepted elsewhere (auto answer, another console): a new tab, shown if none was.
      if (!this.interactions().length) this.conversations.select(interaction.id);
      this.interactions.update((list) => upsert(list, interaction));
    });
    this.live('offer.ended').subscribe(({ offerId }) => this.dropOffer(offerId));
    this.live('interaction.closed').subscribe(({ interactionId }) => this.dropInteraction(interactionId));
    this.live('interaction.transferred').subscribe(({ interactionId }) => this.dropInteraction(interactionId));
    interval(1000)
      .pipe(takeUntilDestroyed(this.destroyed))
      .subscribe(() => this.tick());
    // Each interaction held has its conversation: loaded when it comes, forgotten when it goes.
    effect(() => {
      const ids = this.interactions().map((interaction) => interaction.id);
      untracked(() => this.conversations.sync(ids));
    });
    this.load();
  }

  protected unread(interactionId: string): number {
    return this.conversations.unread(interactionId);
  }

  protected secondsLeft(at: string): number {
    return Math.max(0, Math.ceil((Date.parse(at) - this.now()) / 1000));
  }

  protected accept(offer: Offer): void {
    this.act(offer.id, this.api.acceptOffer(offer.id), (interaction) => {
      this.dropOffer(offer.id);
      this.interactions.update((list) => upsert(list, interaction));
      this.conversations.select(interaction.id);
    });
  }

  protected reject(offer: Offer): void {
    this.act(offer.id, this.api.rejectOffer(offer.id), () => this.dropOffer(offer.id));
  }

  protected close(interaction: InteractionSummary): void {
    this.act(interaction.id, this.api.closeInteraction(interaction.id), () => {
      this.dropInteraction(interaction.id);
      this.snackBar.open(`Closed the interaction with ${contactLabel(interaction)}`, undefined, { duration: 3000 });
    });
  }

  protected async transfer(interaction: InteractionSummary): Promise<void> {
    const ref = this.dialog.open<TransferDialogComponent, InteractionSummary, string>(TransferDialogComponent, { data: interaction, width: '460px' });
    const target = await firstValueFrom(ref.afterClosed());
    if (!target) return;
    this.dropInteraction(interaction.id);
    this.snackBar.open(`Transferred to ${target}`, undefined, { duration: 3000 });
  }

  /** Seed 001's "Pozvánka": a one-chat link to this agent, and the agent's earlier links. */
  protected invite(): void {
    this.dialog.open(InvitationDialogComponent, { width: '760px', maxWidth: '95vw' });
  }

  /** Runs one action on an offer or interaction; a refusal (gone already, say) reloads the desk. */
  private act<T>(id: string, request: Observable<T>, done: (value: T) => void): void {
    this.working.update((set) => new Set(set).add(id));
    request
      .pipe(
        finalize(() =>
          this.working.update((set) => {
            const next = new Set(set);
            next.delete(id);
            return next;
          }),
        ),
        takeUntilDestroyed(this.destroyed),
      )
      // The error interceptor shows the server's message.
      .subscribe({ next: done, error: () => this.load() });
  }

  private load(): void {
    this.api
      .desk()
      .pipe(takeUntilDestroyed(this.destroyed))
      .subscribe({
        next: (desk) => {
          this.offerList.set(desk.offers.filter((offer) => !this.gone.has(offer.id)));
          const interactions = desk.interactions.filter((interaction) => !this.gone.has(interaction.id));
          // What the desk opens with has been there a while: its messages do not count as unread.
          if (!this.loaded()) this.conversations.sync(interactions.map((interaction) => interaction.id), { seen: true });
          this.interactions.set(interactions);
          this.gone.clear();
          this.loaded.set(true);
        },
      });
  }

  private live<E extends 'offer.new' | 'offer.accepted' | 'offer.ended' | 'interaction.closed' | 'interaction.transferred'>(event: E) {
    return this.socket.on(event).pipe(takeUntilDestroyed(this.destroyed));
  }

  private dropOffer(offerId: string): void {
    this.gone.add(offerId);
    this.offerList.update((list) => list.filter((offer) => offer.id !== offerId));
  }

  private dropInteraction(interactionId: string): void {
    this.gone.add(interactionId);
    this.interactions.update((list) => list.filter((interaction) => interaction.id !== interactionId));
  }

  private announce(offer: Offer): void {
    const ref = this.snackBar.open(`New ${channelLabel(offer.interaction.channel).toLowerCase()} from ${contactLabel(offer.interaction)}`, 'Accept', { duration: 8000 });
    ref.onAction().subscribe(() => this.accept(offer));
  }

  private tick(): void {
    const now = Date.now();
    this.now.set(now);
    // The server ends expired offers itself; if its event was missed, the desk is asked for again.
    const stale = this.offerList().filter((offer) => Date.parse(offer.expiresAt) + RESYNC_AFTER_EXPIRY_MS < now && !this.resynced.has(offer.id));
    if (!stale.length) return;
    for (const offer of stale) this.resynced.add(offer.id);
    this.load();
  }
}
