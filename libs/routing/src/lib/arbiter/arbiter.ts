import { Injectable } from '@nestjs/common';
import { RoutingStrategy, STAFF_CHANNELS, StaffChannel } from '@switchboard/contracts';
import { SqlStatement, type SqlRunner } from '@switchboard/db';
import type { EntityManager } from 'typeorm';
import type { OfferRow } from '../offers/offer-store';
import { AGENT_STATE_COLUMNS } from '../presence/agent-state';

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
  /**
   * The same candidates as SQL rows (agent_id, priority) read in the statement itself (a queue's
   * members): a large queue's list is then not sent as a parameter with every reservation.
   */
  candidatesSql?: (q: SqlStatement) => string;
  /** Agents left out (those who declined it). */
  exclude: readonly string[];
  strategy: RoutingStrategy;
  /** Round-robin: the key of the queue's position (the agent picked last time), read and moved in the same statement. */
  cursorKey?: string;
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

/** The capacity channel of an interaction channel, in SQL (see `capacityChannel`). */
export function capacityChannelSql(channelExpr: string): string {
  return `(case when ${channelExpr} = any('{${STAFF_CHANNELS.join(',')}}'::text[]) then ${channelExpr} else '${StaffChannel.OpenChannel}' end)`;
}

/** The most agent row `a` takes at once on a channel: its capacity (0 = unlimited), one call on voice. */
const limitOf = (ch: string) => `(case when ${ch} = 'voice' then 1 else coalesce((a.capacity ->> ${ch})::int, 0) end)`;
const loadOf = (ch: string) => `coalesce((a.loads ->> ${ch})::int, 0)`;

/**
 * Whether agent row `a` has room for `n` more interactions on channel `ch` (SQL expressions):
 * online, the channel switched on, within the tab limit and the channel's capacity.
 */
function room(ch: string, n = '1'): string {
  return `a.status = 'online' and a.active
    and not (${ch} = any(a.disabled_channels))
    and (a.tab_limit = 0 or a.total + ${n} <= a.tab_limit)
    and (${limitOf(ch)} = 0 or ${loadOf(ch)} + ${n} <= ${limitOf(ch)})`;
}

const ORDER: Record<RoutingStrategy, string> = {
  [RoutingStrategy.RingAll]: 'a.agent_id',
  [RoutingStrategy.RoundRobin]: 'coalesce(a.agent_id <= (select last_agent_id from routing_cursors where key = %cursor%), false), a.agent_id',
  [RoutingStrategy.LeastRecent]: 'a.last_assigned_at nulls first, a.agent_id',
  [RoutingStrategy.FewestInteractions]: 'a.total, a.last_assigned_at nulls first, a.agent_id',
  [RoutingStrategy.Priority]: 'm.priority, a.last_assigned_at nulls first, a.agent_id',
};

export const OFFER_COLUMNS = `id, interaction_id as "interactionId", agent_id as "agentId", channel, state, ring, expires_at as "expiresAt", auto_accept_at as "autoAcceptAt"`;

/** An offer read as JSON (`row_to_json` of a part holding OFFER_COLUMNS). */
export type OfferJson = Omit<OfferRow, 'expiresAt' | 'autoAcceptAt'> & { expiresAt: string | null; autoAcceptAt: string | null };

export function offerFromJson(raw: OfferJson): OfferRow {
  return { ...raw, expiresAt: raw.expiresAt ? new Date(raw.expiresAt) : null, autoAcceptAt: raw.autoAcceptAt ? new Date(raw.autoAcceptAt) : null };
}

/** An offer's auto-answer time for the reserved agent row `r` on channel `ch`, when `allowed` (SQL). */
const autoAnswerAt = (allowed: string, ch: string) =>
  `case when ${allowed} and coalesce((r.auto_answer -> ${ch} ->> 'enabled')::boolean, false)
        then now() + make_interval(secs => coalesce((r.auto_answer -> ${ch} ->> 'delaySeconds')::int, 0)) end`;

/**
 * THE ARBITER: the one place where an agent's room for work is taken and given back. A
 * reservation locks the chosen agent's row, raises its counters only if the room conditions
 * still hold on the locked row, and writes the hold (a pending offer) in `routing_offers`; a
 * release deletes holds and lowers the counters. Each is a part of one statement (the router
 * joins them with its interaction parts, so a routing step is one round trip), so no
 * interleaving of nodes, requests or timers can put an agent over a capacity or the tab limit,
 * and the reconciler can always recount the counters from the holds.
 */
@Injectable()
export class Arbiter {
  /**
   * Parts `${name}` (the pending offers made) reserving room for the interaction whose id
   * `interactionExpr` selects (nothing when it selects none): with one agent chosen by the
   * strategy, or for ring-all with every candidate who has room. Agent rows another transaction
   * holds are skipped unless `wait`: then the statement waits for them and decides on their
   * committed state. Agents for whom the SQL condition `leaveOut` (on agent row `a`) holds are left out too.
   */
  reserveParts(q: SqlStatement, name: string, request: ReserveRequest, hold: Omit<HoldRequest, 'interactionId'> & { interactionExpr: string; leaveOut?: string }, wait: boolean): void {
    const ringAll = request.strategy === RoutingStrategy.RingAll;
    const ch = q.param(request.channel, 'text');
    const join = this.candidatesJoin(q, request);
    const order = ORDER[request.strategy].replace('%cursor%', () => q.param(request.cursorKey ?? '', 'text'));
    q.with(
      `${name}_pick`,
      `select a.agent_id from routing_agents a ${join}
        where ${room(ch)} and exists (select 1 from (${hold.interactionExpr}) x)
          and not (a.agent_id = any(${q.param([...request.exclude], 'uuid[]')})) ${hold.leaveOut ? `and not (${hold.leaveOut})` : ''}
        order by ${order}
        ${ringAll ? '' : 'limit 1'}
        for no key update of a ${wait ? '' : 'skip locked'}`,
    );
    q.with(
      `${name}_agents`,
      `update routing_agents a
          set loads = jsonb_set(a.loads, array[${ch}], to_jsonb(${loadOf(ch)} + 1)), total = a.total + 1, last_assigned_at = now()
         from ${name}_pick p
        where a.agent_id = p.agent_id and ${room(ch)}
        returning a.agent_id, a.auto_answer`,
    );
    q.with(
      name,
      `insert into routing_offers (interaction_id, agent_id, channel, state, ring, expires_at, auto_accept_at)
       select (${hold.interactionExpr}), r.agent_id, ${ch}, 'pending', ${q.param(ringAll, 'boolean')},
              now() + make_interval(secs => ${q.param(hold.timeoutSeconds, 'int')}), ${autoAnswerAt(q.param(hold.allowAutoAnswer && !ringAll, 'boolean'), ch)}
         from ${name}_agents r
       returning ${OFFER_COLUMNS}`,
    );
    if (request.strategy === RoutingStrategy.RoundRobin && request.cursorKey) {
      q.with(
        `${name}_cursor`,
        `insert into routing_cursors (key, last_agent_id) select ${q.param(request.cursorKey, 'text')}, "agentId" from ${name} limit 1
         on conflict (key) do update set last_agent_id = excluded.last_agent_id`,
      );
    }
  }

  /**
   * Whether any candidate has room now, as last committed (an SQL condition that locks nothing):
   * a step can skip locking and writing when nobody could take the work.
   */
  anyRoomSql(q: SqlStatement, request: ReserveRequest): string {
    const ch = q.param(request.channel, 'text');
    return `exists (select 1 from routing_agents a ${this.candidatesJoin(q, request)} where ${room(ch)} and not (a.agent_id = any(${q.param([...request.exclude], 'uuid[]')})))`;
  }

  /** Joins agent rows `a` with the candidates `m` (their priority). */
  private candidatesJoin(q: SqlStatement, request: ReserveRequest): string {
    if (request.candidates === 'all') return 'cross join (select 1 as priority) m';
    if (request.candidatesSql) return `join (${request.candidatesSql(q)}) as m(agent_id, priority) on m.agent_id = a.agent_id`;
    const members = request.candidates as readonly Candidate[];
    return `join unnest(${q.param(members.map((m) => m.agentId), 'uuid[]')}, ${q.param(members.map((m) => m.priority), 'int[]')}) as m(agent_id, priority) on m.agent_id = a.agent_id`;
  }

  /**
   * Parts `${name}` (the pending offers made) reserving one agent's room for as many of the
   * interactions in part `interactions` as it holds, oldest first: that part has "id", "channel",
   * "enqueuedAt" and "timeoutSeconds". The agent's row is locked, and each interaction is taken
   * only while its channel's capacity and the tab limit allow on the locked row.
   */
  reserveManyParts(q: SqlStatement, name: string, agentId: string, interactions: string): void {
    const agent = q.param(agentId, 'uuid');
    // Nothing waiting: the agent's row is not even locked (the statement writes nothing).
    q.with(`${name}_agent`, `select a.* from routing_agents a where a.agent_id = ${agent} and a.status = 'online' and a.active and exists (select 1 from ${interactions}) for no key update`);
    q.with(
      `${name}_fit`,
      `select f.* from (
         select c.*, row_number() over (order by c."enqueuedAt", c.id) as n from (
           select w.id, w."enqueuedAt", w."timeoutSeconds", ${capacityChannelSql('w.channel')} as ch,
                  row_number() over (partition by ${capacityChannelSql('w.channel')} order by w."enqueuedAt", w.id) as k
             from ${interactions} w) c, ${name}_agent a
          where not (c.ch = any(a.disabled_channels)) and (${limitOf('c.ch')} = 0 or ${loadOf('c.ch')} + c.k <= ${limitOf('c.ch')})
       ) f, ${name}_agent a
       where a.tab_limit = 0 or a.total + f.n <= a.tab_limit`,
    );
    q.with(
      `${name}_agents`,
      `update routing_agents a
          set loads = a.loads || (select jsonb_object_agg(g.ch, ${loadOf('g.ch')} + g.n) from (select ch, count(*)::int as n from ${name}_fit group by ch) g),
              total = a.total + (select count(*)::int from ${name}_fit), last_assigned_at = now()
        where a.agent_id = ${agent} and exists (select 1 from ${name}_fit)
          and (a.tab_limit = 0 or a.total + (select count(*)::int from ${name}_fit) <= a.tab_limit)
        returning a.agent_id, a.auto_answer`,
    );
    q.with(
      name,
      `insert into routing_offers (interaction_id, agent_id, channel, state, ring, expires_at, auto_accept_at)
       select f.id, r.agent_id, f.ch, 'pending', false, now() + make_interval(secs => f."timeoutSeconds"), ${autoAnswerAt('true', 'f.ch')}
         from ${name}_fit f cross join ${name}_agents r
       returning ${OFFER_COLUMNS}`,
    );
  }

  /**
   * Parts `${name}` (the holds deleted, with OFFER_COLUMNS) and `${name}_agents` (the agents'
   * states, AGENT_STATE_COLUMNS, with their lowered counters) giving back the room of the holds `where` selects (an SQL
   * condition on `routing_offers`).
   */
  releaseParts(q: SqlStatement, name: string, where: string): void {
    q.with(name, `delete from routing_offers where ${where} returning ${OFFER_COLUMNS}`);
    q.with(
      `${name}_agents`,
      `update routing_agents a
          set loads = jsonb_set(a.loads, array[g.channel], to_jsonb(greatest(coalesce((a.loads ->> g.channel)::int, 0) - g.n, 0))),
              total = greatest(a.total - g.n, 0)
         from (select "agentId", channel, count(*)::int as n from ${name} group by "agentId", channel) g
        where a.agent_id = g."agentId"
        returning ${AGENT_STATE_COLUMNS}`,
    );
  }

  /** A reservation on its own, in the caller's transaction (see `reserveParts`). */
  reserve(runner: SqlRunner, request: ReserveRequest, hold: HoldRequest, wait = false): Promise<OfferRow[]> {
    if (request.candidates !== 'all' && !request.candidates.length) return Promise.resolve([]);
    const q = new SqlStatement();
    this.reserveParts(q, 'offers', request, { ...hold, interactionExpr: `select ${q.param(hold.interactionId, 'uuid')}` }, wait);
    return q.run<OfferRow>(runner, 'select * from offers');
  }

  /** Deletes holds and gives their room back, in one statement; answers what was released. */
  release(runner: SqlRunner, which: ReleaseRequest): Promise<OfferRow[]> {
    if (!which.offerId && !which.interactionId) throw new Error('release needs an offer or an interaction');
    const q = new SqlStatement();
    const conditions: string[] = [];
    if (which.offerId) conditions.push(`id = ${q.param(which.offerId, 'uuid')}`);
    if (which.interactionId) conditions.push(`interaction_id = ${q.param(which.interactionId, 'uuid')}`);
    if (which.state) conditions.push(`state = ${q.param(which.state)}`);
    if (which.onlyExpired) conditions.push('expires_at <= now()');
    this.releaseParts(q, 'gone', conditions.join(' and '));
    return q.run<OfferRow>(runner, 'select * from gone order by "agentId"');
  }

  /**
   * Agents whose counters disagree with their reservations. One statement, so one snapshot:
   * every transaction changes a counter and its reservations together, so only a real leak
   * shows (two reads would also see the reservations made or released in between).
   */
  async drifted(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ agentId: string }> = await manager.query(
      `select a.agent_id as "agentId"
         from routing_agents a
         cross join lateral (
           select coalesce(sum(n), 0)::int as total, coalesce(jsonb_object_agg(channel, n), '{}') as loads
             from (select channel, count(*)::int as n from routing_offers o where o.agent_id = a.agent_id group by channel) c
         ) held
        where a.total <> held.total
           or held.loads <> (select coalesce(jsonb_object_agg(key, value), '{}') from jsonb_each(a.loads) where value <> '0'::jsonb)`,
    );
    return rows.map((r) => r.agentId);
  }

  /**
   * Recounts one agent's counters from their reservations. The agent row is locked first, so
   * every reservation made or released before the count is committed and counted.
   */
  async recount(manager: EntityManager, agentId: string): Promise<boolean> {
    const [locked] = await manager.query('select loads, total from routing_agents where agent_id = $1 for no key update', [agentId]);
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
