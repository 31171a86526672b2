import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InteractionsService } from '@switchboard/conversations';
import { DataSource } from 'typeorm';
import { Arbiter } from '../arbiter/arbiter';
import { Dispatcher } from '../dispatch/dispatcher';
import { inTransaction } from '../dispatch/transactions';
import { OfferActions } from '../offers/offer-actions';
import { OfferStore } from '../offers/offer-store';
import { PresenceService } from '../presence/presence.service';
import { CONNECTED_AGENTS, ROUTING_OPTIONS, type ConnectedAgents, type RoutingOptions } from '../ports';

/** Rows each pass handles at most per kind of work (the next pass takes the rest). */
const BATCH = 100;
/** Nodes beat for their connected agents this often, and at least three times per grace period. */
const HEARTBEAT_MS = 5000;
const RETRY_WAITING_MS = 1000;

/**
 * The router's timers, kept in PostgreSQL rather than in a node's memory, so that whichever node
 * is alive does the work: offers past their timeout move on, auto answer accepts, interactions
 * past their maximum wait overflow, absent agents go offline, and waiting interactions are
 * retried. Every node runs this clock; each step is a conditional transaction, so two nodes doing
 * the same step change nothing twice. At start and then every ROUTING_RECONCILE_SECONDS the reconciler recounts agents' loads from their
 * reservations and repairs interactions left offered without an offer.
 */
@Injectable()
export class RoutingClock implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RoutingClock');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private last = { heartbeat: 0, retry: 0, reconcile: 0 };

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ROUTING_OPTIONS) private readonly options: RoutingOptions,
    private readonly offers: OfferStore,
    private readonly actions: OfferActions,
    private readonly interactions: InteractionsService,
    private readonly dispatcher: Dispatcher,
    private readonly presence: PresenceService,
    private readonly arbiter: Arbiter,
    @Optional() @Inject(CONNECTED_AGENTS) private readonly connected?: ConnectedAgents,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  /**
   * Before any module's shutdown: the database pool ends in the shutdown hooks, and a tick
   * still waiting for a connection from an ended pool would wait for ever.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error(error))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.options.tickMs);
    this.timer.unref();
  }

  /** One pass; public so that tests can run one without waiting. */
  async tick(): Promise<void> {
    await this.eachUntilStopped(await this.offers.autoAnswerDue(BATCH), (offer) => this.actions.accept(offer.agentId, offer.id).catch(() => undefined));
    await this.eachUntilStopped(await this.offers.expired(BATCH), (offer) => this.actions.timeout(offer.id));
    await this.eachUntilStopped(await this.interactions.overdue(BATCH), (id) => this.actions.overflow(id));
    if (this.stopped) return;
    const now = Date.now();
    if (now - this.last.heartbeat >= Math.min(HEARTBEAT_MS, (this.options.presenceGraceSeconds * 1000) / 3)) {
      this.last.heartbeat = now;
      await this.presence.heartbeat(this.connected?.connectedAgentIds() ?? []);
      await this.presence.expireAbsent(this.options.presenceGraceSeconds);
    }
    if (now - this.last.retry >= RETRY_WAITING_MS) {
      this.last.retry = now;
      await this.retryWaiting();
    }
    if (now - this.last.reconcile >= this.options.reconcileSeconds * 1000) {
      this.last.reconcile = now;
      await this.reconcile();
    }
  }

  /** Runs one step per item; each is its own transaction, so a node stopping between two leaves nothing half-done. */
  private async eachUntilStopped<T>(items: readonly T[], step: (item: T) => Promise<unknown>): Promise<void> {
    for (const item of items) {
      if (this.stopped) return;
      await step(item);
    }
  }

  /**
   * Waiting interactions get another try: declines older than the offer timeout are forgotten,
   * and the oldest few are dispatched (room may have been missed while rows were locked).
   */
  private async retryWaiting(): Promise<void> {
    await this.interactions.forgetDeclines(30);
    // A route found without room is not tried again in this pass; the others still are (one
    // interaction nobody can take — its agents away — must not hold up everyone else's).
    const full = new Set<string>();
    await this.eachUntilStopped(await this.interactions.oldestWaiting(20), (id) => this.dispatcher.dispatchInteraction(id, undefined, full));
  }

  /** Repairs what no transaction should ever leave behind, and says so in the log; answers the agents recounted. */
  async reconcile(): Promise<string[]> {
    const recounted: string[] = [];
    for (const agentId of await this.arbiter.drifted(this.dataSource.manager)) {
      if (await inTransaction(this.dataSource, (manager) => this.arbiter.recount(manager, agentId))) {
        this.logger.warn(`Recounted the load of agent ${agentId}`);
        recounted.push(agentId);
      }
    }
    // Reservations of interactions that ended, and interactions offered without an offer.
    const old = await this.offers.olderThan(60, 500);
    const rows = await this.interactions.getMany([...new Set(old.map((o) => o.interactionId))]);
    for (const interaction of rows) {
      if (interaction.status === 'closed' || interaction.status === 'abandoned') {
        this.logger.warn(`Releasing reservations of ended interaction ${interaction.id}`);
        await this.actions.releaseEnded(interaction.id);
      }
    }
    const orphans = await this.actions.requeueOrphans();
    if (orphans) this.logger.warn(`${orphans} offered interactions had no offer left and wait again`);
    return recounted;
  }
}
