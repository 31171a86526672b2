import { personalData, type InteractionEventType, type InteractionStatus, type InteractionSummary } from '@switchboard/contracts';
import type { SqlStatement } from '@switchboard/db';

/** An interaction as the router handles it. */
export interface InteractionRow extends InteractionSummary {
  declinedBy: string[];
  /** The one agent who may take it (an invitation's), or null. */
  directAgentId: string | null;
}

/** Which waiting interactions an agent can take. */
export interface WaitingFilter {
  /** Queues the agent answers, on channels they have room on. */
  queueIds: string[];
  /** Rules that send to the agent, with their channels (chat) the agent has room on. */
  ruleIds: string[];
  /** Sites that name the agent, for their chats no rule matched. */
  siteIds: string[];
  /** Channels on which interactions for "all available agents" are taken. */
  openChannels: string[];
  /** Agents whose own interactions (invitations') are taken: the agent themself. */
  directAgentIds: string[];
  /** Leaves out interactions this agent declined. */
  agentId: string;
}

/** Changes of an interaction's routing state, written with its event. */
export interface InteractionChange {
  status?: InteractionStatus;
  agentId?: string | null;
  queueId?: string | null;
  /** Restarts the wait (a transfer or an overflow to a queue). */
  requeue?: { maxWaitSeconds: number | null };
  /** Adds an agent to those who declined it. */
  declinedBy?: string;
  clearDeclined?: boolean;
  /** Drops the overflow deadline (the interaction waits without a limit). */
  clearDeadline?: boolean;
  /** Ends an invitation's hold: the interaction follows its own route (queue, rule, site) from now on. */
  clearDirect?: boolean;
  answered?: boolean;
  closedReason?: string;
}

export interface InteractionEventInput {
  type: InteractionEventType;
  agentId?: string | null;
  /** Left out: the interaction's queue (after the change). */
  queueId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Events written with a change: a list (the same for every changed interaction), or one per row
 * of another part of the statement (`from`, with "interactionId" and "agentId" columns; `details`
 * is an SQL expression over its row `x`), recorded with the interaction's queue.
 */
export type ChangeEvents = readonly InteractionEventInput[] | { type: InteractionEventType; from: string; details: string };

export const INTERACTION_COLUMNS = `
  i.id, i.channel, i.account_id as "accountId", i.contact_address as "contactAddress", i.contact_name as "contactName",
  i.contact_fields as "contactFields", i.page_url as "pageUrl", i.status, i.queue_id as "queueId", i.rule_id as "ruleId", i.site_id as "siteId", i.direct_agent_id as "directAgentId", i.agent_id as "agentId",
  i.declined_by as "declinedBy", i.created_at as "createdAt", i.answered_at as "answeredAt", i.closed_at as "closedAt",
  i.closed_reason as "closedReason"`;

type Stamp = Date | string;
export type RawInteractionRow = Omit<InteractionRow, 'createdAt' | 'answeredAt' | 'closedAt'> & { createdAt: Stamp; answeredAt: Stamp | null; closedAt: Stamp | null };

const iso = (stamp: Stamp) => new Date(stamp).toISOString();

/** An interaction read with INTERACTION_COLUMNS, as a row or as JSON (`row_to_json` of a part). */
export function toInteractionRow(raw: RawInteractionRow): InteractionRow {
  return personalData({
    id: raw.id,
    channel: raw.channel,
    accountId: raw.accountId,
    contactAddress: raw.contactAddress,
    contactName: raw.contactName,
    contactFields: raw.contactFields ?? {},
    pageUrl: raw.pageUrl,
    status: raw.status,
    queueId: raw.queueId,
    ruleId: raw.ruleId,
    siteId: raw.siteId,
    directAgentId: raw.directAgentId ?? null,
    agentId: raw.agentId,
    declinedBy: raw.declinedBy,
    createdAt: iso(raw.createdAt),
    answeredAt: raw.answeredAt ? iso(raw.answeredAt) : null,
    closedAt: raw.closedAt ? iso(raw.closedAt) : null,
    closedReason: raw.closedReason,
  });
}

/**
 * The routes a filter admits, each as an array parameter of keys and the condition on a waiting
 * interaction `i` for key `k.key`: its queues, the rules naming the agent (work not already in
 * one of those queues), the sites naming the agent (chats no rule matched), unrouted work on its
 * channels, and its invitations' chats. Each is served by its own index.
 */
function waitingRoutes(q: SqlStatement, filter: Omit<WaitingFilter, 'agentId'>): Array<{ keys: string; where: string }> {
  const queueIds = q.param(filter.queueIds, 'uuid[]');
  const channels = q.param(filter.openChannels, 'text[]');
  // An invitation's interaction goes to its agent alone, whatever else its route says.
  const notDirect = 'i.direct_agent_id is null';
  return [
    { keys: queueIds, where: `i.queue_id = k.key and ${notDirect}` },
    { keys: q.param(filter.ruleIds, 'uuid[]'), where: `i.rule_id = k.key and (i.queue_id is null or i.queue_id <> all(${queueIds})) and ${notDirect}` },
    { keys: q.param(filter.siteIds, 'uuid[]'), where: `i.site_id = k.key and i.queue_id is null and i.rule_id is null and ${notDirect}` },
    { keys: channels, where: `i.channel = k.key and i.queue_id is null and i.rule_id is null and i.site_id is null and ${notDirect}` },
    { keys: q.param(filter.directAgentIds, 'uuid[]'), where: `i.direct_agent_id = k.key and i.channel = any(${channels})` },
  ];
}

/**
 * The parts of composed statements (`SqlStatement`) that touch interactions: the router's steps
 * are single statements joining these with its own parts about agents and offers. Each part is a
 * named common table expression holding INTERACTION_COLUMNS of the rows it locked or changed.
 */
export const InteractionSql = {
  /** The interaction (an SQL expression for its id), locked; waits for another transaction holding it. */
  lock(q: SqlStatement, name: string, idExpr: string): void {
    q.with(name, `select ${INTERACTION_COLUMNS} from interactions i where i.id = ${idExpr} for update`);
  },

  /**
   * The interaction if it is waiting, locked; nothing when another transaction is dispatching it,
   * or when the SQL condition `gate` is false (then nothing is locked or written at all).
   */
  lockWaiting(q: SqlStatement, name: string, idExpr: string, gate = 'true'): void {
    q.with(name, `select ${INTERACTION_COLUMNS} from interactions i where i.id = ${idExpr} and i.status = 'waiting' and (${gate}) for update skip locked`);
  },

  /**
   * Up to `limitExpr` of the longest-waiting interactions the agent may take, locked (those other
   * transactions hold are skipped), with "enqueuedAt" to keep their order.
   *
   * Each route the agent serves (a queue, a rule, a channel of unrouted work) is read from its
   * own index, oldest first, and the routes merged: work waiting in queues the agent does not
   * serve (a backlog of e-mail, say) is never scanned. A route may lock a few more than are
   * taken; they are released when the statement ends.
   */
  lockOldestWaitingFor(q: SqlStatement, name: string, filter: WaitingFilter, limitExpr: string): void {
    q.with(`${name}_limit`, `select (${limitExpr}) as n`);
    const agentId = q.param(filter.agentId, 'uuid');
    const oldest = waitingRoutes(q, filter).map(
      ({ keys, where }) =>
        `select w.* from unnest(${keys}) as k(key) cross join lateral (
           select ${INTERACTION_COLUMNS}, i.enqueued_at as "enqueuedAt" from interactions i
            where i.status = 'waiting' and ${where} and not (${agentId} = any(i.declined_by))
            order by i.enqueued_at, i.id
            limit (select n from ${name}_limit)
            for update skip locked) w`,
    );
    q.with(name, `select * from (${oldest.join(' union all ')}) w order by w."enqueuedAt", w.id limit (select n from ${name}_limit)`);
  },

  /**
   * An SQL condition: whether anything the filter admits is waiting (declines aside), from the
   * same per-route indexes. A cheap probe that lets a step skip a fill that would find nothing.
   * Each route is a lateral lookup that stops at its first row: as a plain semi-join, the generic
   * plan hashed every waiting interaction of every route (a backlog in a queue the agent does not
   * serve made each close cost milliseconds).
   */
  anyWaitingFor(q: SqlStatement, filter: Omit<WaitingFilter, 'agentId'>): string {
    const routes = waitingRoutes(q, filter).map(
      ({ keys, where }) => `exists (select 1 from unnest(${keys}) as k(key) cross join lateral (select 1 from interactions i where i.status = 'waiting' and ${where} limit 1) w)`,
    );
    return `(${routes.join(' or ')})`;
  },

  /**
   * Applies a routing change to the interactions `idsQuery` selects, and records `events` for each
   * changed one (`${name}_events`), in the same statement: written together or not at all.
   */
  change(q: SqlStatement, name: string, idsQuery: string, change: InteractionChange, events: ChangeEvents | null): void {
    const sets: string[] = [];
    if (change.status) {
      sets.push(`status = ${q.param(change.status)}`);
      if (change.status === 'closed' || change.status === 'abandoned') sets.push('closed_at = now()');
    }
    if (change.agentId !== undefined) sets.push(`agent_id = ${q.param(change.agentId, 'uuid')}`);
    if (change.queueId !== undefined) sets.push(`queue_id = ${q.param(change.queueId, 'uuid')}`);
    if (change.requeue) {
      const seconds = q.param(change.requeue.maxWaitSeconds ?? 0, 'int');
      sets.push('enqueued_at = now()', `wait_deadline = case when ${seconds} > 0 then now() + make_interval(secs => ${seconds}) end`);
    }
    if (change.declinedBy) sets.push(`declined_by = array_append(declined_by, ${q.param(change.declinedBy, 'uuid')})`, 'declined_at = now()');
    if (change.clearDeclined) sets.push(`declined_by = '{}'`, 'declined_at = null');
    if (change.clearDeadline) sets.push('wait_deadline = null');
    if (change.clearDirect) sets.push('direct_agent_id = null');
    if (change.answered) sets.push('answered_at = coalesce(answered_at, now())');
    if (change.closedReason) sets.push(`closed_reason = ${q.param(change.closedReason)}`);
    q.with(
      name,
      sets.length
        ? `update interactions i set ${sets.join(', ')} where i.id in (${idsQuery}) returning ${INTERACTION_COLUMNS}`
        : `select ${INTERACTION_COLUMNS} from interactions i where i.id in (${idsQuery})`,
    );
    if (!events) return;
    const insert = 'insert into interaction_events (interaction_id, type, agent_id, queue_id, details)';
    if ('from' in events) {
      q.with(`${name}_events`, `${insert} select x."interactionId", ${q.param(events.type)}, x."agentId", c."queueId", ${events.details} from ${events.from} x join ${name} c on c.id = x."interactionId"`);
      return;
    }
    const list = events as readonly InteractionEventInput[];
    if (!list.length) return;
    q.with(
      `${name}_events`,
      `${insert} select c.id, e.type, e.agent_id, case when e.own_queue then c."queueId" else e.queue_id end, e.details from ${name} c
         cross join unnest(${q.param(list.map((e) => e.type), 'text[]')}, ${q.param(list.map((e) => e.agentId ?? null), 'uuid[]')},
                           ${q.param(list.map((e) => e.queueId ?? null), 'uuid[]')}, ${q.param(list.map((e) => e.queueId === undefined), 'boolean[]')},
                           ${q.param(list.map((e) => JSON.stringify(e.details ?? {})), 'jsonb[]')})
           as e(type, agent_id, queue_id, own_queue, details)`,
    );
  },
};
