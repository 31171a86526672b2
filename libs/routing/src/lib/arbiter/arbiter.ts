import { Injectable } from '@nestjs/common';
import { RoutingStrategy, STAFF_CHANNELS, StaffChannel } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import type { OfferRow } from '../offers/offer-store';

/** The channel whose capacity an interaction uses: third-party plugins count as "openchannel". */
export function capacityChannel(channel: string): StaffChannel {
  return (STAFF_CHANNELS as readonly string[]).includes(channel) ? (channel as StaffChannel) : StaffChannel.OpenChannel;
}

/** An agent who may get the interaction, with their priority (1 first). */
export interface Candidate {
  agentId: string;
  priority: number;
}

export interface ReserveRequest {
  channel: StaffChannel;
  /** The agents who may get it, or `all` for every agent (routing without a queue or rule). */
  candidates: readonly Candidate[] | 'all';
  /** Agents left out (those who declined it). */
  exclude: readonly string[];
  strategy: RoutingStrategy;
  /** Round-robin: the agent picked last time in this queue. */
  cursor?: string | null;
}

/** The hold a reservation becomes: a pending offer of one interaction. */
export interface HoldRequest {
  interactionId: string;
  timeoutSeconds: number;
  /** Auto answer applies to single offers only, never with ring-all. */
  allowAutoAnswer: boolean;
}

/** Which reservations to give back (always within one interaction or one offer). */
export interface ReleaseRequest {
  offerId?: string;
  interactionId?: string;
  state?: 'pending' | 'active';
  /** Only an offer whose timeout has passed. */
  onlyExpired?: boolean;
}

/**
 * Whether agent row `a` has room for one more interaction on channel `$1`: online, the channel
 * switched on, below the tab limit and below the channel's capacity (0 = unlimited; voice is
 * always one call at a time).
 */
const ROOM = `
  a.status = 'online' and a.active
  and not ($1::text = any(a.disabled_channels))
  and (a.tab_limit = 0 or a.total < a.tab_limit)
  and (
    (case when $1::text = 'voice' then 1 else coalesce((a.capacity ->> $1::text)::int, 0) end) = 0
    or coalesce((a.loads ->> $1::text)::int, 0) < (case when $1::text = 'voice' then 1 else coalesce((a.capacity ->> $1::text)::int, 0) end)
  )`;

const ORDER: Record<RoutingStrategy, string> = {
  [RoutingStrategy.RingAll]: 'a.agent_id',
  [RoutingStrategy.RoundRobin]: 'coalesce(a.agent_id <= $3::uuid, false), a.agent_id',
  [RoutingStrategy.LeastRecent]: 'a.last_assigned_at nulls first, a.agent_id',
  [RoutingStrategy.FewestInteractions]: 'a.total, a.last_assigned_at nulls first, a.agent_id',
  [RoutingStrategy.Priority]: 'm.priority, a.last_assigned_at nulls first, a.agent_id',
};

export const OFFER_COLUMNS = `id, interaction_id as "interactionId", agent_id as "agentId", channel, state, ring, expires_at as "expiresAt", auto_accept_at as "autoAcceptAt"`;

/**
 * THE ARBITER: the one place where an agent's room for work is taken and given back. A
 * reservation is one statement that locks the chosen agent's row, raises its counters only if
 * the room conditions still hold on the locked row, and writes the hold (a pending offer) in
 * `routing_offers`; a release deletes holds and lowers the counters in one statement too. So
 * no interleaving of nodes, requests or timers can put an agent over a capacity or the tab
 * limit, and the reconciler can always recount the counters from the holds.
 */
@Injectable()
export class Arbiter {
  /**
   * Reserves room with one agent (or, for ring-all, with every candidate who has room), chosen
   * by the strategy, and holds it as pending offers of the interaction. Rows another
   * transaction holds are skipped unless `wait`: then the statement waits for them and decides
   * on their committed state.
   */
  async reserve(manager: EntityManager, request: ReserveRequest, hold: HoldRequest, wait = false): Promise<OfferRow[]> {
    const all = request.candidates === 'all';
    const members = all ? [] : (request.candidates as readonly Candidate[]);
    if (!all && !members.length) return [];
    const ringAll = request.strategy === RoutingStrategy.RingAll;
    // $1 channel, $2 excluded, $3 cursor, $4 interaction, $5 ring, $6 timeout, $7 auto answer allowed, then the members.
    const join = all ? 'cross join (select 1 as priority) m' : 'join unnest($8::uuid[], $9::int[]) as m(agent_id, priority) on m.agent_id = a.agent_id';
    const params: unknown[] = [request.channel, [...request.exclude], request.cursor ?? null, hold.interactionId, ringAll, hold.timeoutSeconds, hold.allowAutoAnswer && !ringAll];
    if (!all) params.push(members.map((m) => m.agentId), members.map((m) => m.priority));
    return manager.query(
      `with pick as (
         select a.agent_id from routing_agents a ${join}
          where ${ROOM} and not (a.agent_id = any($2::uuid[])) and ($3::uuid is null or true)
          order by ${ORDER[request.strategy]}
          ${ringAll ? '' : 'limit 1'}
          for update of a ${wait ? '' : 'skip locked'}
       ),
       reserved as (
         update routing_agents a
            set loads = jsonb_set(a.loads, array[$1::text], to_jsonb(coalesce((a.loads ->> $1::text)::int, 0) + 1)),
                total = a.total + 1,
                last_assigned_at = now()
           from pick
          where a.agent_id = pick.agent_id and ${ROOM}
          returning a.agent_id, a.auto_answer
       )
       insert into routing_offers (interaction_id, agent_id, channel, state, ring, expires_at, auto_accept_at)
       select $4, r.agent_id, $1, 'pending', $5, now() + make_interval(secs => $6::int),
              case when $7 and coalesce((r.auto_answer -> $1::text ->> 'enabled')::boolean, false)
                   then now() + make_interval(secs => coalesce((r.auto_answer -> $1::text ->> 'delaySeconds')::int, 0)) end
         from reserved r
       returning ${OFFER_COLUMNS}`,
      params,
    );
  }

  /** Deletes holds and gives their room back, in one statement; answers what was released. */
  async release(manager: EntityManager, which: ReleaseRequest): Promise<OfferRow[]> {
    if (!which.offerId && !which.interactionId) throw new Error('release needs an offer or an interaction');
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => (params.push(value), `$${params.length}`);
    if (which.offerId) conditions.push(`id = ${param(which.offerId)}::uuid`);
    if (which.interactionId) conditions.push(`interaction_id = ${param(which.interactionId)}::uuid`);
    if (which.state) conditions.push(`state = ${param(which.state)}`);
    if (which.onlyExpired) conditions.push('expires_at <= now()');
    return manager.query(
      `with gone as (
         delete from routing_offers where ${conditions.join(' and ')} returning ${OFFER_COLUMNS}
       ),
       released as (
         update routing_agents a
            set loads = jsonb_set(a.loads, array[g.channel], to_jsonb(greatest(coalesce((a.loads ->> g.channel)::int, 0) - g.n, 0))),
                total = greatest(a.total - g.n, 0)
           from (select "agentId", channel, count(*)::int as n from gone group by "agentId", channel) g
          where a.agent_id = g."agentId"
       )
       select * from gone order by "agentId"`,
      params,
    );
  }

  /**
   * Recounts one agent's counters from their reservations. The agent row is locked first, so
   * every reservation made or released before the count is committed and counted.
   */
  async recount(manager: EntityManager, agentId: string): Promise<boolean> {
    const [locked] = await manager.query('select loads, total from routing_agents where agent_id = $1 for update', [agentId]);
    if (!locked) return false;
    const counts: Array<{ channel: string; n: number }> = await manager.query(
      'select channel, count(*)::int as n from routing_offers where agent_id = $1 group by channel',
      [agentId],
    );
    const loads = Object.fromEntries(counts.map((c) => [c.channel, c.n]));
    const total = counts.reduce((sum, c) => sum + c.n, 0);
    const current = locked as { loads: Record<string, number>; total: number };
    const same = current.total === total && STAFF_CHANNELS.every((c) => (current.loads[c] ?? 0) === (loads[c] ?? 0));
    if (same) return false;
    await manager.query('update routing_agents set loads = $2, total = $3 where agent_id = $1', [agentId, JSON.stringify(loads), total]);
    return true;
  }
}
