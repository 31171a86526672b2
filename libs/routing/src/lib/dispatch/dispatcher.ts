import { Injectable, Logger } from '@nestjs/common';
import { InteractionStatus, type Offer, type StaffChannel } from '@switchboard/contracts';
import { InteractionSql, InteractionsService, toInteractionRow, toSummary, type InteractionRow, type OfferOnReceive, type RawInteractionRow, type WaitingFilter } from '@switchboard/conversations';
import { SqlStatement } from '@switchboard/db';
import { DataSource } from 'typeorm';
import { Arbiter, offerFromJson, type OfferJson } from '../arbiter/arbiter';
import type { OfferRow } from '../offers/offer-store';
import { AgentStateStore, channelsWithRoom, type AgentState } from '../presence/agent-state';
import { RoutingNotices } from '../routing-notices';
import { RulesService } from '../rules/rules.service';
import { RoutingTargets, type Route, type Target } from './routing-targets';
import { retryingConflicts } from './transactions';

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
    private readonly rules: RulesService,
    private readonly notices: RoutingNotices,
  ) {}

  /**
   * Offers a waiting interaction to whoever its route picks; false when nobody has room. The
   * intake passes the route it just stored, saving a read. One statement: the interaction is
   * locked, room reserved by the arbiter, the offers stored, the interaction marked offered.
   * `full` holds routes (channel and cursor key) a pass of several found without room: skipped, and added to.
   */
  async dispatchInteraction(interactionId: string, route?: Route, full?: Set<string>): Promise<boolean> {
    const known = route ?? (await this.interactions.get(interactionId));
    if (!known || ('status' in known && known.status !== InteractionStatus.Waiting)) return false;
    const target = await this.targets.forInteraction(known);
    if (target.candidates !== 'all' && !target.candidates.length) return false;
    const routeKey = `${target.channel}:${target.cursorKey}`;
    if (full?.has(routeKey)) return false;
    // First without waiting for agents other dispatches hold; if that finds nobody, wait for them.
    for (const wait of [false, true]) {
      const made = await retryingConflicts(() => this.offerInteraction(interactionId, target, wait));
      if (made === 'no-room') full?.add(routeKey);
      if (made === 'not-waiting' || made === 'no-room') return false;
      if (made) {
        this.announce(made);
        return true;
      }
    }
    return false;
  }

  /**
   * Parts offering the interaction a message opens (part `fresh`) in the statement that stores
   * it (`InteractionsService.receive`): an agent picked by the route's strategy among those free
   * now (skipping agents other statements hold), nothing locked when nobody has room.
   */
  offerOnReceive(q: SqlStatement, fresh: string, target: Target): OfferOnReceive | undefined {
    if (target.candidates !== 'all' && !target.candidates.length) return undefined;
    const request = { ...target, exclude: [] };
    const room = this.arbiter.anyRoomSql(q, request);
    this.arbiter.reserveParts(q, 'offers', request, { interactionExpr: `select id from ${fresh} where ${room}`, timeoutSeconds: target.offerTimeoutSeconds, allowAutoAnswer: true }, false);
    return {
      offeredIf: 'exists (select 1 from offers)',
      events: { from: 'offers', details: OFFERED_DETAILS },
      extra: `json_build_object('offers', coalesce((select json_agg(o) from offers o), '[]'::json), 'room', ${room})`,
    };
  }

  /**
   * One attempt; 'not-waiting' when the interaction was not locked (not waiting, or being
   * dispatched elsewhere), 'no-room' when nobody on its route had room (nothing was locked).
   */
  private async offerInteraction(interactionId: string, target: Target, wait: boolean): Promise<Made | 'not-waiting' | 'no-room' | null> {
    const q = new SqlStatement();
    const request = { ...target, exclude: [] };
    // Nobody with room as last committed: nothing is locked, and no waiting for held agents either.
    const room = this.arbiter.anyRoomSql(q, request);
    InteractionSql.lockWaiting(q, 'locked', q.param(interactionId, 'uuid'), room);
    this.arbiter.reserveParts(
      q,
      'offers',
      request,
      { interactionExpr: 'select id from locked', leaveOut: 'exists (select 1 from locked l where a.agent_id = any(l."declinedBy"))', timeoutSeconds: target.offerTimeoutSeconds, allowAutoAnswer: true },
      wait,
    );
    markOffered(q);
    const [row] = await q.run<{ locked: boolean; room: boolean; offers: OfferJson[]; interaction: RawInteractionRow | null }>(
      this.dataSource,
      `select exists (select 1 from locked) as locked, ${room} as room, coalesce((select json_agg(o) from offers o), '[]') as offers, (select row_to_json(m) from marked m) as interaction`,
    );
    if (!row?.locked) return row?.room === false ? 'no-room' : 'not-waiting';
    return row.interaction && row.offers.length ? { interaction: toInteractionRow(row.interaction), offers: row.offers.map(offerFromJson) } : null;
  }

  /**
   * Offers an agent who has room the longest-waiting interactions they can take (up to what their
   * room allows, at most MAX_OFFERS_PER_AGENT_PASS in one statement); answers how many. `known`
   * is the agent's state when the caller has just read it.
   */
  async dispatchAgent(agentId: string, known?: AgentState | null): Promise<number> {
    const state = known === undefined ? await this.agents.get(agentId) : known;
    const open = state ? channelsWithRoom(state) : [];
    if (!open.length) return 0;
    const { queues, ...routes } = await this.routesOf(agentId, open);
    const filter = { ...routes, agentId };
    const timeouts = await Promise.all(queues.map((queue) => this.targets.offerTimeout({ queueId: queue.queueId })));
    const defaultTimeout = await this.targets.offerTimeout({ queueId: null });
    const made = await retryingConflicts(async () => {
      const q = new SqlStatement();
      const agent = q.param(agentId, 'uuid');
      const most = q.param(MAX_OFFERS_PER_AGENT_PASS, 'int');
      // How many to lock: the agent's room as last committed (the arbiter decides on the locked row).
      const limit = `(select case when a.status = 'online' and a.active then least(${most}, case when a.tab_limit = 0 then ${most} else greatest(a.tab_limit - a.total, 0) end) else 0 end
                        from routing_agents a where a.agent_id = ${agent})`;
      InteractionSql.lockOldestWaitingFor(q, 'waiting', filter, limit);
      q.with(
        'timed',
        `select w.id, w.channel, w."enqueuedAt", coalesce(t.seconds, ${q.param(defaultTimeout, 'int')}) as "timeoutSeconds"
           from waiting w left join unnest(${q.param(queues.map((x) => x.queueId), 'uuid[]')}, ${q.param(timeouts, 'int[]')}) as t(queue_id, seconds) on t.queue_id = w."queueId"`,
      );
      this.arbiter.reserveManyParts(q, 'offers', agentId, 'timed');
      markOffered(q);
      const rows = await q.run<{ offer: OfferJson; interaction: RawInteractionRow }>(
        this.dataSource,
        `select row_to_json(o) as offer, (select row_to_json(m) from marked m where m.id = o."interactionId") as interaction from offers o`,
      );
      return rows.map((r) => ({ interaction: toInteractionRow(r.interaction), offers: [offerFromJson(r.offer)] }));
    });
    made.forEach((m) => this.announce(m));
    // Room left and work waiting: go on after other work had its turn.
    if (made.length === MAX_OFFERS_PER_AGENT_PASS) this.later({ agents: [agentId] });
    return made.length;
  }

  /** The routes an agent serves on these channels: their queues, the rules and sites naming them, unrouted work. */
  async routesOf(agentId: string, channels: readonly StaffChannel[]): Promise<Omit<WaitingFilter, 'agentId'> & { queues: Array<{ queueId: string }> }> {
    const queues = (await this.targets.queuesOf(agentId)).filter((q) => channels.includes(q.channel));
    const siteIds = channels.includes('chat') ? await this.targets.sitesOf(agentId) : [];
    return { queues, queueIds: queues.map((q) => q.queueId), ruleIds: await this.rules.rulesOf(agentId), siteIds, openChannels: [...channels], directAgentIds: [agentId] };
  }

  /**
   * Runs both kinds of dispatch without letting a failure reach the caller (used after commits).
   * `agentStates` are agents whose state the caller has just read (saving the read).
   */
  later(work: { interactions?: readonly string[]; agents?: readonly string[]; agentStates?: readonly AgentState[] }): void {
    void (async () => {
      // Routes found without room in this pass are not tried again for the rest of it.
      const full = new Set<string>();
      for (const id of work.interactions ?? []) await this.dispatchInteraction(id, undefined, full);
      for (const state of work.agentStates ?? []) await this.dispatchAgent(state.agentId, state);
      for (const id of new Set(work.agents ?? [])) await this.dispatchAgent(id);
    })().catch((error: unknown) => this.logger.error(error));
  }

  announce({ interaction, offers }: Made): void {
    const summary = toSummary(interaction);
    for (const offer of offers) this.notices.send(offer.agentId, 'offer.new', toOffer(offer, summary));
  }
}

/** What `offerOnReceive` returned (its `extra`): the offers made, and whether anyone had room. */
export function offersOnReceive(extra: unknown): { offers: OfferRow[]; room: boolean } {
  const value = extra as { offers: OfferJson[]; room: boolean } | null;
  return { offers: (value?.offers ?? []).map(offerFromJson), room: value?.room ?? false };
}

/** The details of an "offered" event, over the offer row `x`. */
const OFFERED_DETAILS = `jsonb_build_object('ring', x.ring)`;

/** Part `marked`: the interactions of part `offers` marked offered, with one event per offer (reports count offers per agent). */
function markOffered(q: SqlStatement): void {
  InteractionSql.change(q, 'marked', 'select "interactionId" from offers', { status: InteractionStatus.Offered }, { type: 'offered', from: 'offers', details: OFFERED_DETAILS });
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
