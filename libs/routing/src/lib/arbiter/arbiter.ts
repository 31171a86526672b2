import { Injectable } from '@nestjs/common';
import { RoutingStrategy, STAFF_CHANNELS, StaffChannel, type AutoAnswer } from '@switchboard/contracts';
import { returningRows } from '@switchboard/db';
import type { EntityManager } from 'typeorm';

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

export interface Reservation {
  agentId: string;
  autoAnswer: Partial<AutoAnswer>;
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

/**
 * THE ARBITER: the one place where an agent's room for work is taken and given back. A
 * reservation is one statement that locks the chosen agent's row and raises its counters only
 * if the room conditions still hold on the locked row, so no interleaving of nodes, requests or
 * timers can put an agent over a capacity or the tab limit. Every reservation is also a row in
 * `routing_offers`, written in the same transaction (see OffersRepository), from which the
 * reconciler recounts.
 */
@Injectable()
export class Arbiter {
  /**
   * Reserves room with one agent (or, for ring-all, with every candidate who has room),
   * chosen by the strategy. Rows another transaction holds are skipped when `wait` is false;
   * with `wait`, the statement waits for them and decides on their committed state.
   */
  async reserve(manager: EntityManager, request: ReserveRequest, wait = false): Promise<Reservation[]> {
    const all = request.candidates === 'all';
    const members = all ? [] : (request.candidates as readonly Candidate[]);
    if (!all && !members.length) return [];
    const ringAll = request.strategy === RoutingStrategy.RingAll;
    // $1 channel, $2 excluded, $3 cursor, then the members' ids and priorities.
    const join = all ? 'cross join (select 1 as priority) m' : 'join unnest($4::uuid[], $5::int[]) as m(agent_id, priority) on m.agent_id = a.agent_id';
    const params: unknown[] = [request.channel, [...request.exclude], request.cursor ?? null];
    if (!all) params.push(members.map((m) => m.agentId), members.map((m) => m.priority));
    const rows = await returningRows<{ agent_id: string; auto_answer: Partial<AutoAnswer> }>(
      manager,
      `with pick as (
         select a.agent_id from routing_agents a ${join}
          where ${ROOM} and not (a.agent_id = any($2::uuid[])) and ($3::uuid is null or true)
          order by ${ORDER[request.strategy]}
          ${ringAll ? '' : 'limit 1'}
          for update of a ${wait ? '' : 'skip locked'}
       )
       update routing_agents a
          set loads = jsonb_set(a.loads, array[$1::text], to_jsonb(coalesce((a.loads ->> $1::text)::int, 0) + 1)),
              total = a.total + 1,
              last_assigned_at = now()
         from pick
        where a.agent_id = pick.agent_id and ${ROOM}
        returning a.agent_id, a.auto_answer`,
      params,
    );
    return rows.map((row) => ({ agentId: row.agent_id, autoAnswer: row.auto_answer ?? {} }));
  }

  /** Gives back one unit of room on a channel (the reservation's row is deleted by the caller's transaction). */
  async release(manager: EntityManager, agentId: string, channel: StaffChannel): Promise<void> {
    await manager.query(
      `update routing_agents
          set loads = jsonb_set(loads, array[$2::text], to_jsonb(greatest(coalesce((loads ->> $2::text)::int, 0) - 1, 0))),
              total = greatest(total - 1, 0)
        where agent_id = $1`,
      [agentId, channel],
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
