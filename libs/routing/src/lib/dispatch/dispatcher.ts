import { Injectable, Logger } from '@nestjs/common';
import { InteractionStatus, RoutingStrategy, type Offer } from '@switchboard/contracts';
import { InteractionsService, toSummary, type InteractionRow } from '@switchboard/conversations';
import { QueuesService } from '@switchboard/queues';
import { DataSource, type EntityManager } from 'typeorm';
import { Arbiter, capacityChannel } from '../arbiter/arbiter';
import type { OfferRow } from '../offers/offer-store';
import { AgentStateStore, channelsWithRoom } from '../presence/agent-state';
import { RoutingNotices } from '../routing-notices';
import { RulesService } from '../rules/rules.service';
import { RoutingTargets } from './routing-targets';
import { inTransaction } from './transactions';

/** Most offers one agent-side pass makes in a row before yielding (the agent may have room for many). */
const MAX_OFFERS_PER_AGENT_PASS = 50;

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
    private readonly targets: RoutingTargets,
    private readonly agents: AgentStateStore,
    private readonly queues: QueuesService,
    private readonly rules: RulesService,
    private readonly notices: RoutingNotices,
  ) {}

  /**
   * Offers a waiting interaction to whoever its route picks; false when nobody has room. The
   * intake passes the route it just stored, saving a read.
   */
  async dispatchInteraction(interactionId: string, route?: { channel: string; queueId: string | null; ruleId: string | null }): Promise<boolean> {
    const known = route ?? (await this.interactions.get(interactionId));
    if (!known || ('status' in known && known.status !== InteractionStatus.Waiting)) return false;
    const target = await this.targets.forInteraction(known);
    const cursor = target.strategy === RoutingStrategy.RoundRobin ? await this.cursor(target.cursorKey) : null;
    const made = await inTransaction(this.dataSource, async (manager) => {
      const locked = await this.interactions.lockWaiting(manager, interactionId);
      if (!locked) return null;
      const request = { ...target, exclude: locked.declinedBy, cursor };
      const hold = { interactionId, timeoutSeconds: target.offerTimeoutSeconds, allowAutoAnswer: true };
      // First without waiting for agents other dispatches hold; if that finds nobody, wait for them.
      let offers = await this.arbiter.reserve(manager, request, hold);
      if (!offers.length) offers = await this.arbiter.reserve(manager, request, hold, true);
      if (!offers.length) return null;
      if (target.strategy === RoutingStrategy.RoundRobin) await this.moveCursor(manager, target.cursorKey, (offers[0] as OfferRow).agentId);
      await this.markOffered(manager, locked, offers);
      return { interaction: locked, offers };
    });
    if (made) this.announce(made);
    return Boolean(made);
  }

  /** Offers an agent who has room the longest-waiting interactions they can take; answers how many. */
  async dispatchAgent(agentId: string): Promise<number> {
    const state = await this.agents.get(agentId);
    const open = state ? channelsWithRoom(state) : [];
    if (!open.length) return 0;
    // Everything the transactions need is read before them: nothing may use another connection inside.
    const queueIds = (await this.queues.queuesOf(agentId)).filter((q) => open.includes(q.channel)).map((q) => q.queueId);
    const ruleIds = await this.rules.rulesOf(agentId);
    const filter = { queueIds, ruleIds, openChannels: open, agentId };
    if (!(await this.interactions.anyWaitingFor(filter))) return 0;
    const timeouts = new Map<string | null, number>([[null, await this.targets.offerTimeout({ queueId: null })]]);
    for (const id of queueIds) timeouts.set(id, await this.targets.offerTimeout({ queueId: id }));
    let count = 0;
    while (count < MAX_OFFERS_PER_AGENT_PASS) {
      const made = await inTransaction(this.dataSource, async (manager) => {
        const row = await this.interactions.lockOldestWaitingFor(manager, filter);
        if (!row) return null;
        const channel = capacityChannel(row.channel);
        const offers = await this.arbiter.reserve(
          manager,
          { channel, candidates: [{ agentId, priority: 1 }], exclude: [], strategy: RoutingStrategy.Priority },
          { interactionId: row.id, timeoutSeconds: timeouts.get(row.queueId) ?? (timeouts.get(null) as number), allowAutoAnswer: true },
          true,
        );
        if (!offers.length) return null;
        await this.markOffered(manager, row, offers);
        return { interaction: row, offers };
      });
      if (!made) break;
      this.announce(made);
      count++;
    }
    // Room left and work waiting: go on after other work had its turn.
    if (count === MAX_OFFERS_PER_AGENT_PASS) this.later({ agents: [agentId] });
    return count;
  }

  /** Runs both kinds of dispatch without letting a failure reach the caller (used after commits). */
  later(work: { interactions?: readonly string[]; agents?: readonly string[] }): void {
    void (async () => {
      for (const id of work.interactions ?? []) await this.dispatchInteraction(id);
      for (const id of new Set(work.agents ?? [])) await this.dispatchAgent(id);
    })().catch((error: unknown) => this.logger.error(error));
  }

  /** Marks the interaction offered, with one event per offer (reports count offers per agent). */
  private async markOffered(manager: EntityManager, interaction: InteractionRow, offers: readonly OfferRow[]): Promise<void> {
    const ring = offers.length > 1 || Boolean(offers[0]?.ring);
    await this.interactions.change(
      manager,
      interaction.id,
      { status: InteractionStatus.Offered },
      offers.map((o) => ({ type: 'offered' as const, agentId: o.agentId, queueId: interaction.queueId, details: { ring } })),
    );
    interaction.status = InteractionStatus.Offered;
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
