import { Injectable } from '@nestjs/common';
import { personalData, type InteractionStatus, type InteractionSummary } from '@switchboard/contracts';
import { isUniqueViolation, preparedQuery, returningRows, SqlStatement } from '@switchboard/db';
import { DataSource, type EntityManager } from 'typeorm';
import {
  INTERACTION_COLUMNS as COLUMNS,
  InteractionSql,
  toInteractionRow as toRow,
  type RawInteractionRow as RawRow,
  type InteractionChange,
  type InteractionEventInput,
  type InteractionRow,
} from './interaction-sql';

/** An inbound message as the intake stores it. */
export interface StoredInbound {
  channel: string;
  accountId: string;
  contactAddress: string;
  contactName?: string;
  externalThreadId?: string;
  externalMessageId: string;
  body: string;
  pageUrl?: string;
}

/** Where a newly opened interaction goes (the router decides before it is stored). */
export interface OpeningRoute {
  queueId: string | null;
  ruleId: string | null;
  /** Seconds until overflow; null = no limit. */
  maxWaitSeconds: number | null;
}

export interface ReceiveResult {
  interactionId: string;
  messageId: string;
  duplicate: boolean;
  /** True when this message opened a new interaction (the router must dispatch it). */
  opened: boolean;
}

const OPEN = `('waiting', 'offered', 'active')`;

/** The public view: the routing bookkeeping (who declined) stays inside. */
export function toSummary(row: InteractionRow): InteractionSummary {
  const { declinedBy: _declined, ...summary } = row;
  return personalData(summary);
}

/**
 * Interactions and their messages and events. The router drives the state (waiting → offered →
 * active → closed, or abandoned) through `change`, inside its own transactions: every method
 * that takes a manager runs in the caller's transaction.
 */
@Injectable()
export class InteractionsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores an inbound message: a message already received (same channel, account and external
   * id) stores nothing; otherwise it joins the contact's open interaction or opens one, routed
   * by `opening` (resolved beforehand: nothing may use another connection inside the transaction).
   */
  async receive(input: StoredInbound, opening: OpeningRoute): Promise<ReceiveResult> {
    const dedupeKey = `${input.channel}:${input.accountId}:${input.externalMessageId}`;
    const threadKey = input.externalThreadId ?? input.contactAddress;
    for (let attempt = 0; ; attempt++) {
      try {
        // One statement (so one round trip, atomic without a transaction): join the open
        // interaction of the thread or open one with its "created" event, then store the message.
        const [row] = await preparedQuery<ReceiveResult>(
          this.dataSource,
          `with existing as (
             select id from interactions where channel = $1 and account_id = $2 and thread_key = $3 and status in ${OPEN} for share
           ),
           opened as (
             insert into interactions (channel, account_id, thread_key, contact_address, contact_name, external_thread_id, page_url, queue_id, rule_id, wait_deadline)
             select $1, $2, $3, $4, $5, $6, $7, $8, $9, case when $10::int > 0 then now() + make_interval(secs => $10::int) end
              where not exists (select 1 from existing)
             returning id
           ),
           created as (
             insert into interaction_events (interaction_id, type, queue_id, details) select id, 'created', $8, $11 from opened
           ),
           target as (select id from existing union all select id from opened),
           message as (
             insert into interaction_messages (interaction_id, direction, body, dedupe_key) select id, 'in', $12, $13 from target limit 1 returning id, interaction_id
           )
           select m.interaction_id as "interactionId", m.id as "messageId", exists (select 1 from opened) as opened from message m`,
          [
            input.channel,
            input.accountId,
            threadKey,
            input.contactAddress,
            input.contactName ?? null,
            input.externalThreadId ?? null,
            input.pageUrl ?? null,
            opening.queueId,
            opening.ruleId,
            opening.maxWaitSeconds,
            JSON.stringify({ ruleId: opening.ruleId }),
            input.body,
            dedupeKey,
          ],
        );
        const stored = row as { interactionId: string; messageId: string; opened: boolean };
        return { ...stored, duplicate: false };
      } catch (error) {
        // A copy of a stored message (the message key), or two first messages of one thread at once (the open-thread key).
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
        const duplicate = await this.findMessage(dedupeKey);
        if (duplicate) return { ...duplicate, duplicate: true, opened: false };
      }
    }
  }

  private async findMessage(dedupeKey: string): Promise<{ interactionId: string; messageId: string } | null> {
    const [row] = await this.dataSource.query(`select interaction_id as "interactionId", id as "messageId" from interaction_messages where dedupe_key = $1`, [dedupeKey]);
    return (row as { interactionId: string; messageId: string } | undefined) ?? null;
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<InteractionRow | null> {
    const [row] = await manager.query(`select ${COLUMNS} from interactions i where i.id = $1`, [id]);
    return row ? toRow(row as RawRow) : null;
  }

  async getMany(ids: readonly string[]): Promise<InteractionRow[]> {
    if (!ids.length) return [];
    const rows: RawRow[] = await this.dataSource.query(`select ${COLUMNS} from interactions i where i.id = any($1::uuid[])`, [ids]);
    return rows.map(toRow);
  }

  /** Locks an interaction for a state change; waits for another transaction holding it. */
  lock(manager: EntityManager, id: string): Promise<InteractionRow | null> {
    return this.one(manager, (q) => InteractionSql.lock(q, 'locked', q.param(id, 'uuid')));
  }

  /** Locks a waiting interaction unless another transaction is dispatching it already. */
  lockWaiting(manager: EntityManager, id: string): Promise<InteractionRow | null> {
    return this.one(manager, (q) => InteractionSql.lockWaiting(q, 'locked', q.param(id, 'uuid')));
  }

  private async one(manager: EntityManager, part: (q: SqlStatement) => void): Promise<InteractionRow | null> {
    const q = new SqlStatement();
    part(q);
    const [row] = await q.run<RawRow>(manager, 'select * from locked');
    return row ? toRow(row) : null;
  }

  /**
   * Applies a routing change and records its events, in the caller's transaction and in one
   * statement (the change and its events are written together or not at all).
   */
  async change(manager: EntityManager, id: string, change: InteractionChange, events: InteractionEventInput | readonly InteractionEventInput[] | null): Promise<void> {
    const q = new SqlStatement();
    const list = events === null ? null : Array.isArray(events) ? (events as readonly InteractionEventInput[]) : [events as InteractionEventInput];
    InteractionSql.change(q, 'changed', q.param(id, 'uuid'), change, list);
    await q.run(manager, 'select id from changed');
  }

  async recordEvent(manager: EntityManager, interactionId: string, event: InteractionEventInput): Promise<void> {
    await this.change(manager, interactionId, {}, event);
  }

  /** Waiting interactions past their queue's maximum wait, oldest first. */
  async overdue(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `select id from interactions where status = 'waiting' and wait_deadline <= now() order by wait_deadline limit $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** The oldest waiting interactions (the router retries them now and then). */
  async oldestWaiting(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`select id from interactions where status = 'waiting' order by enqueued_at, id limit $1`, [limit]);
    return rows.map((r) => r.id);
  }

  /** Waiting interactions whose declines are older than `seconds`: their decliners may be tried again. */
  async forgetDeclines(seconds: number): Promise<string[]> {
    const rows = await returningRows<{ id: string }>(
      this.dataSource,
      `update interactions set declined_by = '{}', declined_at = null
        where status = 'waiting' and declined_at < now() - make_interval(secs => $1::int) returning id`,
      [seconds],
    );
    return rows.map((r) => r.id);
  }

  /** Ids of interactions in one state, oldest first. */
  async idsWithStatus(status: InteractionStatus, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query('select id from interactions where status = $1 order by created_at limit $2', [status, limit]);
    return rows.map((r) => r.id);
  }

  /** An agent's open (active) interactions. */
  async activeOf(agentId: string): Promise<InteractionRow[]> {
    const rows: RawRow[] = await this.dataSource.query(`select ${COLUMNS} from interactions i where i.status = 'active' and i.agent_id = $1 order by i.answered_at`, [agentId]);
    return rows.map(toRow);
  }

  /** Counts by status (the invariant checks of tests and benchmarks use it too). */
  async countByStatus(): Promise<Record<string, number>> {
    const rows: { status: string; n: string }[] = await this.dataSource.query('select status, count(*) as n from interactions group by status');
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}
