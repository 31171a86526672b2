import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  DomainException,
  ErrorCode,
  InteractionStatus,
  OverflowAction,
  RoutingStrategy,
  STAFF_CHANNELS,
  invalidField,
  type InteractionEventType,
  type InteractionSummary,
  type OfferEndReason,
  type TransferRequest,
} from '@switchboard/contracts';
import { InteractionSql, InteractionsService, toInteractionRow, toSummary, type RawInteractionRow } from '@switchboard/conversations';
import { SqlStatement } from '@switchboard/db';
import { DataSource } from 'typeorm';
import { Arbiter, capacityChannel, type OfferJson } from '../arbiter/arbiter';
import { Dispatcher, toOffer } from '../dispatch/dispatcher';
import { RoutingTargets } from '../dispatch/routing-targets';
import { inTransaction, retryingConflicts } from '../dispatch/transactions';
import { agentStateFromJson, AgentStateStore, type AgentStateJson } from '../presence/agent-state';
import { CHANNEL_HOOKS, type ChannelHooks } from '../ports';
import { RoutingNotices } from '../routing-notices';
import { OfferStore } from './offer-store';

const offerGone = () => new DomainException(ErrorCode.Conflict, 'This offer is no longer yours (it timed out, was taken or withdrawn)');
/** The interaction is not an open one of this agent. */
export const notYours = () => new DomainException(ErrorCode.NotFound, 'Interaction not found among yours');

/** Timers and presence changes race with agents' answers: an offer already gone is no error for them. */
async function ignoreGone<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof DomainException)) throw error;
    return null;
  }
}

/** How an offer ends without being accepted: what is recorded, and whether the agent declined it. */
const ENDINGS: Record<'rejected' | 'timeout' | 'withdrawn', { event: InteractionEventType; declined: boolean }> = {
  rejected: { event: 'rejected', declined: true },
  timeout: { event: 'timed-out', declined: true },
  withdrawn: { event: 'withdrawn', declined: false },
};

/**
 * What agents, timers and contacts do to offers and interactions: accept, reject, time out,
 * withdraw, close, transfer, abandon, overflow. Each is one transaction that releases room
 * through the arbiter; whatever it frees is dispatched again once it is committed.
 */
@Injectable()
export class OfferActions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly interactions: InteractionsService,
    private readonly arbiter: Arbiter,
    private readonly offers: OfferStore,
    private readonly dispatcher: Dispatcher,
    private readonly targets: RoutingTargets,
    private readonly agents: AgentStateStore,
    private readonly notices: RoutingNotices,
    @Optional() @Inject(CHANNEL_HOOKS) private readonly hooks?: ChannelHooks,
  ) {}

  /**
   * The agent takes the offer; the other ring-all offers of the interaction end. One statement:
   * the interaction locked, the offer made the agent's hold, the others released, the
   * interaction active with its event.
   */
  async accept(agentId: string, offerId: string): Promise<InteractionSummary> {
    const q = new SqlStatement();
    const offer = q.param(offerId, 'uuid');
    const agent = q.param(agentId, 'uuid');
    InteractionSql.lock(q, 'locked', `(select interaction_id from routing_offers where id = ${offer} and agent_id = ${agent})`);
    this.offers.activateParts(q, 'held', offer, agent, 'select id from locked');
    this.arbiter.releaseParts(q, 'others', `interaction_id = (select "interactionId" from held) and state = 'pending' and id <> ${offer}`);
    InteractionSql.change(q, 'accepted', 'select "interactionId" from held', { status: InteractionStatus.Active, agentId, answered: true, clearDeclined: true }, [{ type: 'accepted', agentId }]);
    const [row] = await retryingConflicts(() =>
      q.run<{ interaction: RawInteractionRow | null; others: OfferJson[] }>(
        this.dataSource,
        `select (select row_to_json(a) from accepted a) as interaction, coalesce((select json_agg(o) from others o), '[]') as others`,
      ),
    );
    if (!row?.interaction) throw offerGone();
    const summary = toSummary(toInteractionRow(row.interaction));
    this.notices.send(agentId, 'offer.accepted', { offerId, interaction: summary });
    this.hooks?.signal(summary, agentId, { kind: 'answered' });
    for (const other of row.others) this.notices.send(other.agentId, 'offer.ended', { offerId: other.id, interactionId: summary.id, reason: 'taken' });
    this.dispatcher.later({ agents: row.others.map((o) => o.agentId) });
    return summary;
  }

  async reject(agentId: string, offerId: string): Promise<void> {
    await this.endOffer(offerId, 'rejected', { agentId });
  }

  /** Ends an offer whose time ran out (does nothing when it was answered meanwhile). */
  async timeout(offerId: string): Promise<void> {
    await ignoreGone(this.endOffer(offerId, 'timeout', { onlyExpired: true }));
  }

  /** Takes back an agent's pending offers (paused, offline, channel off, account disabled). */
  async withdrawAll(agentId: string, channel?: ReturnType<typeof capacityChannel>): Promise<void> {
    // The interactions that wait again are dispatched together afterwards: one pass that stops
    // trying a route once nobody on it has room (an agent signing off with many offers).
    const requeued: string[] = [];
    for (const offer of await this.offers.pendingOf(agentId, channel)) {
      const ended = await ignoreGone(this.endOffer(offer.id, 'withdrawn', { dispatchLater: false }));
      if (ended) requeued.push(ended.interactionId);
    }
    this.dispatcher.later({ interactions: requeued, agents: [agentId] });
  }

  /**
   * Ends a pending offer without acceptance. When it was the interaction's last, the interaction
   * waits again (the agent who declined is not asked again for a while) and is dispatched.
   */
  private async endOffer(
    offerId: string,
    reason: keyof typeof ENDINGS,
    options: { agentId?: string; onlyExpired?: boolean; dispatchLater?: boolean },
  ): Promise<{ interactionId: string } | null> {
    const offer = await this.offers.get(offerId);
    if (!offer || (options.agentId && offer.agentId !== options.agentId)) throw offerGone();
    const ending = ENDINGS[reason];
    const result = await inTransaction(this.dataSource, async (manager) => {
      const interaction = await this.interactions.lock(manager, offer.interactionId);
      if (!interaction) return null;
      const [removed] = await this.arbiter.release(manager, { offerId, state: 'pending', onlyExpired: options.onlyExpired });
      if (!removed) return null;
      const last = interaction.status === InteractionStatus.Offered && (await this.offers.pendingCount(manager, interaction.id)) === 0;
      const event = { type: ending.event, agentId: removed.agentId, queueId: interaction.queueId };
      // The invitation's agent did not take it (declined, let it time out, left): anyone on its own route may.
      const clearDirect = interaction.directAgentId === removed.agentId;
      if (last) await this.interactions.change(manager, interaction.id, { status: InteractionStatus.Waiting, declinedBy: ending.declined ? removed.agentId : undefined, clearDirect }, event);
      else await this.interactions.recordEvent(manager, interaction.id, event);
      return { requeued: last };
    });
    if (!result) throw offerGone();
    this.notices.send(offer.agentId, 'offer.ended', { offerId, interactionId: offer.interactionId, reason: reason as OfferEndReason });
    if (options.dispatchLater !== false) this.dispatcher.later({ interactions: result.requeued ? [offer.interactionId] : [], agents: [offer.agentId] });
    return result.requeued ? { interactionId: offer.interactionId } : null;
  }

  /**
   * The agent closes an interaction they hold: one statement locks it, releases the hold and
   * records the close; then the agent's freed room takes the oldest waiting work they can take.
   */
  async close(agentId: string, interactionId: string): Promise<void> {
    // Whether any work waits on the agent's routes is asked in the same statement: when nothing
    // does (the common case when agents keep up), no fill statement follows.
    const routes = await this.dispatcher.routesOf(agentId, STAFF_CHANNELS);
    const q = new SqlStatement();
    const agent = q.param(agentId, 'uuid');
    InteractionSql.lock(q, 'locked', q.param(interactionId, 'uuid'));
    const mine = `select id from locked where status = 'active' and "agentId" = ${agent}`;
    this.arbiter.releaseParts(q, 'gone', `interaction_id in (${mine})`);
    InteractionSql.change(q, 'closed', mine, { status: InteractionStatus.Closed, closedReason: 'closed' }, [{ type: 'closed', agentId }]);
    const [row] = await retryingConflicts(() =>
      q.run<{ closed: boolean; agent: AgentStateJson | null; waiting: boolean }>(
        this.dataSource,
        `select exists (select 1 from closed) as closed, (select row_to_json(a) from gone_agents a where a."agentId" = ${agent}) as agent,
                ${InteractionSql.anyWaitingFor(q, routes)} as waiting`,
      ),
    );
    if (!row?.closed) throw notYours();
    this.notices.send(agentId, 'interaction.closed', { interactionId, reason: 'closed' });
    this.hooks?.signal(interactionId, agentId, { kind: 'closed' });
    if (row.waiting) this.dispatcher.later({ agentStates: row.agent ? [agentStateFromJson(row.agent)] : [], agents: row.agent ? [] : [agentId] });
  }

  /** Hands an interaction the agent holds to another agent (who gets an offer) or to a queue. */
  async transfer(agentId: string, interactionId: string, to: TransferRequest): Promise<void> {
    if (Boolean(to.agentId) === Boolean(to.queueId)) throw invalidField('agentId', 'Transfer to one agent or one queue');
    if (to.agentId === agentId) throw invalidField('agentId', 'Choose another agent');
    const queue = to.queueId ? await this.targets.queue(to.queueId) : null;
    if (to.queueId && !queue) throw invalidField('queueId', 'No such queue');
    if (to.agentId && !(await this.agents.get(to.agentId))) throw invalidField('agentId', 'This agent has never signed in to take interactions');
    const before = await this.interactions.get(interactionId);
    if (!before || before.status !== InteractionStatus.Active || before.agentId !== agentId) throw notYours();
    const timeout = await this.targets.offerTimeout({ queueId: before.queueId });
    const result = await inTransaction(this.dataSource, async (manager) => {
      const interaction = await this.interactions.lock(manager, interactionId);
      if (!interaction || interaction.status !== InteractionStatus.Active || interaction.agentId !== agentId) throw notYours();
      await this.arbiter.release(manager, { interactionId });
      const event = { type: 'transferred' as const, agentId, queueId: to.queueId ?? interaction.queueId, details: { to } };
      if (queue) {
        await this.interactions.change(manager, interactionId, { status: InteractionStatus.Waiting, agentId: null, queueId: queue.id, requeue: { maxWaitSeconds: queue.maxWaitSeconds || null }, clearDeclined: true, clearDirect: true }, event);
        return { offers: [], interaction };
      }
      const channel = capacityChannel(interaction.channel);
      const offers = await this.arbiter.reserve(
        manager,
        { channel, candidates: [{ agentId: to.agentId as string, priority: 1 }], exclude: [], strategy: RoutingStrategy.Priority },
        { interactionId, timeoutSeconds: timeout, allowAutoAnswer: false },
        true,
      );
      if (!offers.length) throw new DomainException(ErrorCode.Conflict, 'This agent cannot take it now (not online, or no room)', [{ field: 'agentId', messages: ['No room'] }]);
      // Transferred: the invitation no longer holds it (a decline now sends it along its own route).
      await this.interactions.change(manager, interactionId, { status: InteractionStatus.Offered, agentId: null, clearDeclined: true, clearDirect: true }, event);
      return { offers, interaction: { ...interaction, status: InteractionStatus.Offered, agentId: null, directAgentId: null } };
    });
    this.notices.send(agentId, 'interaction.transferred', { interactionId, to });
    for (const offer of result.offers) this.notices.send(offer.agentId, 'offer.new', toOffer(offer, toSummary(result.interaction)));
    this.dispatcher.later({ interactions: queue ? [interactionId] : [], agents: [agentId] });
  }

  /** The contact left: a waiting or offered interaction is abandoned, an active one closed. */
  async abandon(interactionId: string): Promise<void> {
    const result = await inTransaction(this.dataSource, async (manager) => {
      const interaction = await this.interactions.lock(manager, interactionId);
      if (!interaction) throw new DomainException(ErrorCode.NotFound, 'Interaction not found');
      if (interaction.status === InteractionStatus.Closed || interaction.status === InteractionStatus.Abandoned) return null;
      const holds = await this.arbiter.release(manager, { interactionId });
      const active = interaction.status === InteractionStatus.Active;
      await this.interactions.change(
        manager,
        interactionId,
        { status: active ? InteractionStatus.Closed : InteractionStatus.Abandoned, closedReason: 'contact-left' },
        { type: active ? 'closed' : 'abandoned', agentId: interaction.agentId, queueId: interaction.queueId, details: { reason: 'contact-left' } },
      );
      return { holds, interaction };
    });
    if (!result) return;
    this.hooks?.signal(result.interaction, null, { kind: 'closed' });
    for (const hold of result.holds) {
      if (hold.state === 'pending') this.notices.send(hold.agentId, 'offer.ended', { offerId: hold.id, interactionId, reason: 'abandoned' });
      else this.notices.send(hold.agentId, 'interaction.closed', { interactionId, reason: 'contact-left' });
    }
    this.dispatcher.later({ agents: result.holds.map((h) => h.agentId) });
  }

  /** A waiting interaction reached its queue's maximum wait: it moves to the overflow queue, or ends for offline handling. */
  async overflow(interactionId: string): Promise<void> {
    const row = await this.interactions.get(interactionId);
    if (!row || row.status !== InteractionStatus.Waiting) return;
    const { action, queue } = await this.targets.overflowOf(row.queueId);
    const moved = await inTransaction(this.dataSource, async (manager) => {
      const interaction = await this.interactions.lockWaiting(manager, interactionId);
      if (!interaction) return false;
      const event = { type: 'overflowed' as const, queueId: interaction.queueId, details: { action, to: queue?.id ?? null } };
      if (action === OverflowAction.Queue && queue) {
        await this.interactions.change(manager, interactionId, { queueId: queue.id, requeue: { maxWaitSeconds: queue.maxWaitSeconds || null }, clearDeclined: true }, event);
        return true;
      }
      if (action === OverflowAction.Offline) {
        await this.interactions.change(manager, interactionId, { status: InteractionStatus.Abandoned, closedReason: 'no-agent' }, event);
        return 'ended' as const;
      }
      // No overflow: it keeps waiting, without a deadline.
      await this.interactions.change(manager, interactionId, { clearDeadline: true }, null);
      return false;
    });
    if (moved === 'ended') this.hooks?.signal(row, null, { kind: 'closed' });
    else if (moved) this.dispatcher.later({ interactions: [interactionId] });
  }

  /** Releases what an ended interaction still holds (repair; no transaction leaves this). */
  async releaseEnded(interactionId: string): Promise<void> {
    const holds = await inTransaction(this.dataSource, async (manager) => {
      const interaction = await this.interactions.lock(manager, interactionId);
      if (!interaction || (interaction.status !== InteractionStatus.Closed && interaction.status !== InteractionStatus.Abandoned)) return [];
      return this.arbiter.release(manager, { interactionId });
    });
    this.dispatcher.later({ agents: holds.map((h) => h.agentId) });
  }

  /** Interactions left "offered" without any pending offer wait again (repair). */
  async requeueOrphans(): Promise<number> {
    const offered = await this.interactions.offeredOldestFirst(500);
    const pending = await this.offers.withPending(offered);
    const orphans: string[] = [];
    for (const id of offered.filter((i) => !pending.has(i))) {
      const requeued = await inTransaction(this.dataSource, async (manager) => {
        const interaction = await this.interactions.lock(manager, id);
        if (interaction?.status !== InteractionStatus.Offered || (await this.offers.pendingCount(manager, id)) > 0) return false;
        await this.interactions.change(manager, id, { status: InteractionStatus.Waiting }, { type: 'queued', queueId: interaction.queueId, details: { repaired: true } });
        return true;
      });
      if (requeued) orphans.push(id);
    }
    this.dispatcher.later({ interactions: orphans });
    return orphans.length;
  }
}
