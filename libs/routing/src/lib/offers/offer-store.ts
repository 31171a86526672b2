import { Injectable } from '@nestjs/common';
import type { StaffChannel } from '@switchboard/contracts';
import type { SqlStatement } from '@switchboard/db';
import { DataSource, type EntityManager } from 'typeorm';
import { OFFER_COLUMNS as COLUMNS } from '../arbiter/arbiter';

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

/**
 * Reads of `routing_offers` (and the one change that keeps the load: accepting). Each row is one
 * unit of an agent's load; only the arbiter writes and deletes them, with the counters.
 */
@Injectable()
export class OfferStore {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string): Promise<OfferRow | null> {
    const [row] = await this.dataSource.query(`select ${COLUMNS} from routing_offers where id = $1`, [id]);
    return (row as OfferRow | undefined) ?? null;
  }

  /**
   * Part `name`: the agent's pending offer turned into their hold of the interaction (the
   * interaction whose id `interactionExpr` selects); nothing when it is no longer pending.
   */
  activateParts(q: SqlStatement, name: string, offerExpr: string, agentExpr: string, interactionExpr: string): void {
    q.with(
      name,
      `update routing_offers set state = 'active', expires_at = null, auto_accept_at = null
        where id = ${offerExpr} and agent_id = ${agentExpr} and state = 'pending' and interaction_id = (${interactionExpr})
        returning ${COLUMNS}`,
    );
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
