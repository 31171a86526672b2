import { Injectable } from '@nestjs/common';
import type { StaffChannel } from '@switchboard/contracts';
import { returningRows } from '@switchboard/db';
import { DataSource, type EntityManager } from 'typeorm';

/** A reservation: a pending offer, or an interaction an agent holds (`active`). */
export interface OfferRow {
  id: string;
  interactionId: string;
  agentId: string;
  channel: StaffChannel;
  state: 'pending' | 'active';
  ring: boolean;
  expiresAt: Date | null;
  autoAcceptAt: Date | null;
}

const COLUMNS = `id, interaction_id as "interactionId", agent_id as "agentId", channel, state, ring, expires_at as "expiresAt", auto_accept_at as "autoAcceptAt"`;

export interface NewOffer {
  interactionId: string;
  agentId: string;
  channel: StaffChannel;
  ring: boolean;
  timeoutSeconds: number;
  /** Seconds until auto answer accepts it; null = no auto answer. */
  autoAnswerSeconds: number | null;
}

/**
 * The rows of `routing_offers`. Each is one unit of an agent's load: it is written and deleted
 * in the same transaction as the arbiter's counters.
 */
@Injectable()
export class OfferStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, offers: readonly NewOffer[]): Promise<OfferRow[]> {
    if (!offers.length) return [];
    return manager.query(
      `insert into routing_offers (interaction_id, agent_id, channel, state, ring, expires_at, auto_accept_at)
       select i, a, c, 'pending', r, now() + make_interval(secs => t), case when aa is null then null else now() + make_interval(secs => aa) end
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::boolean[], $5::int[], $6::int[]) as o(i, a, c, r, t, aa)
       returning ${COLUMNS}`,
      [
        offers.map((o) => o.interactionId),
        offers.map((o) => o.agentId),
        offers.map((o) => o.channel),
        offers.map((o) => o.ring),
        offers.map((o) => o.timeoutSeconds),
        offers.map((o) => o.autoAnswerSeconds),
      ],
    );
  }

  async get(id: string): Promise<OfferRow | null> {
    const [row] = await this.dataSource.query(`select ${COLUMNS} from routing_offers where id = $1`, [id]);
    return (row as OfferRow | undefined) ?? null;
  }

  /** Removes a pending offer (optionally only an expired one) and answers it, or null when it is gone. */
  async removePending(manager: EntityManager, id: string, onlyExpired = false): Promise<OfferRow | null> {
    const [row] = await returningRows<OfferRow>(
      manager,
      `delete from routing_offers where id = $1 and state = 'pending' ${onlyExpired ? 'and expires_at <= now()' : ''} returning ${COLUMNS}`,
      [id],
    );
    return row ?? null;
  }

  /** Turns a pending offer into the agent's hold of the interaction; null when it is no longer pending. */
  async activate(manager: EntityManager, id: string): Promise<OfferRow | null> {
    const [row] = await returningRows<OfferRow>(
      manager,
      `update routing_offers set state = 'active', expires_at = null, auto_accept_at = null where id = $1 and state = 'pending' returning ${COLUMNS}`,
      [id],
    );
    return row ?? null;
  }

  /** Removes an interaction's reservations (of one state, or all), in agent order. */
  async removeOf(manager: EntityManager, interactionId: string, state?: 'pending' | 'active'): Promise<OfferRow[]> {
    const rows = await returningRows<OfferRow>(
      manager,
      `delete from routing_offers where id in (
         select id from routing_offers where interaction_id = $1 ${state ? 'and state = $2' : ''} order by agent_id for update)
       returning ${COLUMNS}`,
      state ? [interactionId, state] : [interactionId],
    );
    return rows.sort((a, b) => a.agentId.localeCompare(b.agentId));
  }

  async pendingCount(manager: EntityManager, interactionId: string): Promise<number> {
    const [row] = await manager.query(`select count(*)::int as n from routing_offers where interaction_id = $1 and state = 'pending'`, [interactionId]);
    return (row as { n: number }).n;
  }

  /** An agent's pending offers (optionally on one channel). */
  async pendingOf(agentId: string, channel?: StaffChannel): Promise<OfferRow[]> {
    return this.dataSource.query(
      `select ${COLUMNS} from routing_offers where agent_id = $1 and state = 'pending' ${channel ? 'and channel = $2' : ''} order by created_at`,
      channel ? [agentId, channel] : [agentId],
    );
  }

  /** Offers past their timeout. */
  async expired(limit: number): Promise<OfferRow[]> {
    return this.dataSource.query(`select ${COLUMNS} from routing_offers where state = 'pending' and expires_at <= now() order by expires_at limit $1`, [limit]);
  }

  /** Offers whose auto answer is due. */
  async autoAnswerDue(limit: number): Promise<OfferRow[]> {
    return this.dataSource.query(
      `select ${COLUMNS} from routing_offers where state = 'pending' and auto_accept_at <= now() order by auto_accept_at limit $1`,
      [limit],
    );
  }

  /** Reservations older than `seconds` (the reconciler checks their interactions). */
  async olderThan(seconds: number, limit: number): Promise<OfferRow[]> {
    return this.dataSource.query(`select ${COLUMNS} from routing_offers where created_at < now() - make_interval(secs => $1::int) order by created_at limit $2`, [
      seconds,
      limit,
    ]);
  }

  /** The interactions among these that have a pending offer. */
  async withPending(interactionIds: readonly string[]): Promise<Set<string>> {
    if (!interactionIds.length) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `select distinct interaction_id as id from routing_offers where state = 'pending' and interaction_id = any($1::uuid[])`,
      [interactionIds],
    );
    return new Set(rows.map((r) => r.id));
  }
}
