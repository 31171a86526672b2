import { Injectable, Logger } from '@nestjs/common';
import { InteractionStatus, RoutingStrategy, type Offer } from '@switchboard/contracts';
import { InteractionsService, toSummary, type InteractionRow } from '@switchboard/conversations';
import { QueuesService } from '@switchboard/queues';
import { DataSource, type EntityManager } from 'typeorm';
import { Arbiter, capacityChannel, type Reservation } from '../arbiter/arbiter';
import { OfferStore, type OfferRow } from '../offers/offer-store';
import { AgentStateStore, channelsWithRoom } from '../presence/agent-state';
import { RoutingNotices } from '../routing-notices';
import { RulesService } from '../rules/rules.service';
import { RoutingTargets, type Target } from './routing-targets';
import { inTransaction } from './transactions';

/** Most offers one agent-side dispatch makes in a row (the agent may have room for several). */
const MAX_OFFERS_PER_AGENT_PASS = 20;

/** Offers made in one transaction, announced once it is committed. */
interface Made {
  interaction: InteractionRow;
  offers: OfferRow[];
}

/**
 * Matches waiting interactions with agents who have room, in both directions: a new (or
 * returned) interaction looks for an agent by its route's strategy; an agent with new room takes
 * the longest-waiting interaction they can take. Each match is one transaction: the interaction
 * locked, room reserved by the arbiter, the offer stored, the state changed.
 */
@Injectable()
export class Dispatcher {
  private readonly logger = new Logger('Dispatcher');

  constructor(
    private readonly dataSource: DataSource,
    private readonly interactions: InteractionsService,
    private readonly arbiter: Arbiter,
    private readonly offers: OfferStore,
    private readonly targets: RoutingTargets,
    private readonly agents: AgentStateStore,
    private readonly queues: QueuesService,
    private readonly rules: RulesService,
    private readonly notices: RoutingNotices,
  ) {}

  /** Offers a waiting interaction to whoever its route picks; false when nobody has room. */
  async dispatchInteraction(interactionId: string): Promise<boolean> {
    const row = await this.interactions.get(interactionId);
    if (!row || row.status !== InteractionStatus.Waiting) return false;
    const target = await this.targets.forInteraction(row);
    const cursor = target.strategy === RoutingStrategy.RoundRobin ? await this.cursor(target.cursorKey) : null;
    const made = await inTransaction(this.dataSource, async (manager) => {
      const locked = await this.interactions.lockWaiting(manager, interactionId);
      if (!locked) return null;
      const request = { ...target, exclude: locked.declinedBy, cursor };
      // First without waiting for agents other dispatches hold; if that finds nobody, wait for them.
      let reserved = await this.arbiter.reserve(manager, request);
      if (!reserved.length) reserved = await this.arbiter.reserve(manager, request, true);
      if (!reserved.length) return null;
      if (target.strategy === RoutingStrategy.RoundRobin) await this.moveCursor(manager, target.cursorKey, (reserved[0] as Reservation).agentId);
      return { interaction: locked, offers: await this.offer(manager, locked, reserved, target) };
    });
    if (made) this.announce(made);
    return Boolean(made);
  }

  /** Offers an agent who has room the longest-waiting interactions they can take; answers how many. */
  async dispatchAgent(agentId: string): Promise<number> {
    let count = 0;
    while (count < MAX_OFFERS_PER_AGENT_PASS) {
      const state = await this.agents.get(agentId);
      const open = state ? channelsWithRoom(state) : [];
      if (!open.length) break;
      // Everything the transaction needs is read before it: nothing may use another connection inside.
      const queueIds = (await this.queues.queuesOf(agentId)).filter((q) => open.includes(q.channel)).map((q) => q.queueId);
      const timeouts = new Map<string | null, number>([[null, await this.targets.offerTimeout({ queueId: null })]]);
      for (const id of queueIds) timeouts.set(id, await this.targets.offerTimeout({ queueId: id }));
      const ruleIds = await this.rules.rulesOf(agentId);
      const made = await inTransaction(this.dataSource, async (manager) => {
        const row = await this.interactions.lockOldestWaitingFor(manager, { queueIds, ruleIds, openChannels: open, agentId });
        if (!row) return null;
        const channel = capacityChannel(row.channel);
        const reserved = await this.arbiter.reserve(manager, { channel, candidates: [{ agentId, priority: 1 }], exclude: [], strategy: RoutingStrategy.Priority }, true);
        if (!reserved.length) return null;
        const offerTimeoutSeconds = timeouts.get(row.queueId) ?? (timeouts.get(null) as number);
        return { interaction: row, offers: await this.offer(manager, row, reserved, { channel, strategy: RoutingStrategy.Priority, offerTimeoutSeconds }) };
      });
      if (!made) break;
      this.announce(made);
      count++;
    }
    return count;
  }

  /** Runs both kinds of dispatch without letting a failure reach the caller (used after commits). */
  later(work: { interactions?: readonly string[]; agents?: readonly string[] }): void {
    void (async () => {
      for (const id of work.interactions ?? []) await this.dispatchInteraction(id);
      for (const id of new Set(work.agents ?? [])) await this.dispatchAgent(id);
    })().catch((error: unknown) => this.logger.error(error));
  }

  /** Stores the offers of reserved room and marks the interaction offered. */
  private async offer(
    manager: EntityManager,
    interaction: InteractionRow,
    reserved: readonly Reservation[],
    target: Pick<Target, 'channel' | 'strategy' | 'offerTimeoutSeconds'>,
  ): Promise<OfferRow[]> {
    const ring = target.strategy === RoutingStrategy.RingAll;
    const rows = await this.offers.insert(
      manager,
      reserved.map((r) => ({
        interactionId: interaction.id,
        agentId: r.agentId,
        channel: target.channel,
        ring,
        timeoutSeconds: target.offerTimeoutSeconds,
        autoAnswerSeconds: !ring && r.autoAnswer[target.channel]?.enabled ? (r.autoAnswer[target.channel]?.delaySeconds ?? 0) : null,
      })),
    );
    await this.interactions.change(manager, interaction.id, { status: InteractionStatus.Offered }, { type: 'offered', agentId: rows[0]?.agentId, queueId: interaction.queueId, details: { agents: rows.map((r) => r.agentId), ring } });
    for (const extra of rows.slice(1)) await this.interactions.recordEvent(manager, interaction.id, { type: 'offered', agentId: extra.agentId, queueId: interaction.queueId, details: { ring } });
    interaction.status = InteractionStatus.Offered;
    return rows;
  }

  announce({ interaction, offers }: Made): void {
    const summary = toSummary(interaction);
    for (const offer of offers) this.notices.send(offer.agentId, 'offer.new', toOffer(offer, summary));
  }

  private async cursor(key: string): Promise<string | null> {
    const [row] = await this.dataSource.query('select last_agent_id as id from routing_cursors where key = $1', [key]);
    return (row as { id: string } | undefined)?.id ?? null;
  }

  private async moveCursor(manager: EntityManager, key: string, agentId: string): Promise<void> {
    await manager.query('insert into routing_cursors (key, last_agent_id) values ($1, $2) on conflict (key) do update set last_agent_id = excluded.last_agent_id', [key, agentId]);
  }
}

/** The offer as the agent's console receives it. */
export function toOffer(offer: OfferRow, interaction: ReturnType<typeof toSummary>): Offer {
  return {
    id: offer.id,
    interaction,
    expiresAt: new Date(offer.expiresAt as Date).toISOString(),
    autoAnswerAt: offer.autoAcceptAt ? new Date(offer.autoAcceptAt).toISOString() : null,
  };
}
