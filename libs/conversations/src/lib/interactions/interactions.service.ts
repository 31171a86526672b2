import { Injectable } from '@nestjs/common';
import { personalData, type InteractionMessage, type InteractionSummary } from '@switchboard/contracts';
import { isUniqueViolation, returningRows, SqlStatement } from '@switchboard/db';
import { randomUUID } from 'node:crypto';
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
import { MESSAGE_COLUMNS, toMessage, type RawMessage } from '../messages/messages.service';

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
  /** The contact's answers to a pre-chat form, kept with the interaction this message opens. */
  contactFields?: Record<string, string>;
  /** False: the message only joins an open interaction; with none, nothing is stored (null result). */
  mayOpen?: boolean;
}

/** Where a newly opened interaction goes (the router decides before it is stored). */
export interface OpeningRoute {
  queueId: string | null;
  ruleId: string | null;
  /** The site whose agents take it (a web chat no rule matched, from a site that names agents). */
  siteId: string | null;
  /** The one agent who takes it (an invitation's); omitted: none. */
  directAgentId?: string | null;
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

/** A stored message joined to an interaction already open: who holds it, to tell them. */
export interface JoinedInteraction {
  agentId: string | null;
  status: InteractionRow['status'];
  message: InteractionMessage;
}

/** What the router adds to `receive` to offer the interaction a message opens, in the same statement. */
export interface OfferOnReceive {
  /** SQL condition: an offer was made (the interaction is stored as offered). */
  offeredIf: string;
  /** One "offered" event per row of part `from` ("interactionId", "agentId"); `details` is SQL over its row `x`. */
  events: { from: string; details: string };
  /** An SQL expression the statement also returns, as `extra` (the offers made, say). */
  extra: string;
}

/** A stored message; `interaction` is the interaction it opened, if it opened one. */
export interface ReceivedInteraction extends ReceiveResult {
  interaction: InteractionRow | null;
  /** Set when the message joined an open interaction (not for duplicates). */
  joined: JoinedInteraction | null;
  extra: unknown;
}

const OPEN = `('waiting', 'offered', 'active')`;

/** The public view: the routing bookkeeping (who declined, the invitation's agent) stays inside. */
export function toSummary(row: InteractionRow): InteractionSummary {
  const { declinedBy: _declined, directAgentId: _direct, ...summary } = row;
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
   *
   * `offer` lets the router offer a new interaction in the same statement: it adds its parts
   * reserving an agent for the interaction in part `fresh` (one row, "id", only when this
   * message opens one) and says how to tell it was offered. The interaction is then stored as
   * offered, with its "offered" events after "created". Atomic: a duplicate rolls back the offer too.
   * Null only for a message that may not open an interaction and found none open.
   */
  async receive(input: StoredInbound, opening: OpeningRoute, offer?: (q: SqlStatement, fresh: string) => OfferOnReceive | undefined): Promise<ReceivedInteraction | null> {
    const dedupeKey = `${input.channel}:${input.accountId}:${input.externalMessageId}`;
    const threadKey = input.externalThreadId ?? input.contactAddress;
    for (let attempt = 0; ; attempt++) {
      try {
        const q = new SqlStatement();
        const [channel, account, thread] = [q.param(input.channel), q.param(input.accountId), q.param(threadKey)];
        q.with('existing', `select id from interactions where channel = ${channel} and account_id = ${account} and thread_key = ${thread} and status in ${OPEN} for share`);
        q.with('fresh', `select ${q.param(randomUUID(), 'uuid')} as id where not exists (select 1 from existing)${input.mayOpen === false ? ' and false' : ''}`);
        const offered = offer?.(q, 'fresh');
        const queue = q.param(opening.queueId, 'uuid');
        const maxWait = q.param(opening.maxWaitSeconds, 'int');
        q.with(
          'opened',
          `insert into interactions as i (id, channel, account_id, thread_key, contact_address, contact_name, external_thread_id, contact_fields, page_url, queue_id, rule_id, site_id, direct_agent_id, wait_deadline, status)
           select f.id, ${channel}, ${account}, ${thread}, ${q.param(input.contactAddress)}, ${q.param(input.contactName ?? null)}, ${q.param(input.externalThreadId ?? null)}, ${q.param(JSON.stringify(input.contactFields ?? {}), 'jsonb')},
                  ${q.param(input.pageUrl ?? null)}, ${queue}, ${q.param(opening.ruleId, 'uuid')}, ${q.param(opening.siteId, 'uuid')}, ${q.param(opening.directAgentId ?? null, 'uuid')}, case when ${maxWait} > 0 then now() + make_interval(secs => ${maxWait}) end,
                  ${offered ? `case when ${offered.offeredIf} then 'offered' else 'waiting' end` : `'waiting'`}
             from fresh f
           returning ${COLUMNS}`,
        );
        const created = `select id, 'created', null::uuid, ${queue}, ${q.param(JSON.stringify({ ruleId: opening.ruleId, siteId: opening.siteId, ...(opening.directAgentId ? { directAgentId: opening.directAgentId } : {}) }), 'jsonb')}, 1 as n from opened`;
        const offeredEvents = offered
          ? `union all select x."interactionId", 'offered', x."agentId", ${queue}, ${offered.events.details}, 2 from ${offered.events.from} x`
          : '';
        q.with('events', `insert into interaction_events (interaction_id, type, agent_id, queue_id, details) select x.interaction_id, x.type, x.agent_id, x.queue_id, x.details from (${created} ${offeredEvents}) x(interaction_id, type, agent_id, queue_id, details, n) order by x.n`);
        q.with('target', 'select id from existing union all select id from opened');
        q.with(
          'message',
          `insert into interaction_messages as m (interaction_id, direction, body, dedupe_key, client_id, author_name)
           select id, 'in', ${q.param(input.body)}, ${q.param(dedupeKey)}, ${q.param(input.externalMessageId)}, ${q.param(input.contactName ?? null)} from target limit 1
           returning m.interaction_id, ${MESSAGE_COLUMNS}`,
        );
        const [row] = await q.run<{ interactionId: string; messageId: string; opened: RawRow | null; joined: (Omit<JoinedInteraction, 'message'> & { message: RawMessage }) | null; extra: unknown }>(
          this.dataSource,
          `select m.interaction_id as "interactionId", m.id as "messageId", (select row_to_json(o) from opened o) as opened,
                  (select json_build_object('agentId', i.agent_id, 'status', i.status, 'message', row_to_json(m)) from interactions i where i.id = (select id from existing)) as joined,
                  ${offered?.extra ?? 'null'} as extra
             from message m`,
        );
        if (!row) return null;
        const stored = row;
        return {
          interactionId: stored.interactionId,
          messageId: stored.messageId,
          duplicate: false,
          opened: stored.opened !== null,
          interaction: stored.opened ? toRow(stored.opened) : null,
          joined: stored.joined ? { ...stored.joined, message: toMessage(stored.joined.message) } : null,
          extra: stored.extra,
        };
      } catch (error) {
        // A copy of a stored message (the message key), or two first messages of one thread at once (the open-thread key).
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
        const duplicate = await this.findMessage(dedupeKey);
        if (duplicate) return { ...duplicate, duplicate: true, opened: false, interaction: null, joined: null, extra: null };
      }
    }
  }

  private async findMessage(dedupeKey: string): Promise<{ interactionId: string; messageId: string } | null> {
    const [row] = await this.dataSource.query(`select interaction_id as "interactionId", id as "messageId" from interaction_messages where dedupe_key = $1`, [dedupeKey]);
    return (row as { interactionId: string; messageId: string } | undefined) ?? null;
  }

  /** Whether the thread has an open interaction (a new message would join it). */
  async hasOpen(thread: { channel: string; accountId: string; threadKey: string }): Promise<boolean> {
    const rows = await this.dataSource.query(`select 1 from interactions where channel = $1 and account_id = $2 and thread_key = $3 and status in ${OPEN}`, [thread.channel, thread.accountId, thread.threadKey]);
    return rows.length > 0;
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

  /** Ids of offered interactions, oldest first (the status is written out so that the partial index serves it). */
  async offeredOldestFirst(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`select id from interactions where status = 'offered' order by created_at limit $1`, [limit]);
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
