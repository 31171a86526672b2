import { Injectable } from '@nestjs/common';
import { type InteractionMessage, type MessageDelivery } from '@switchboard/contracts';
import { returningRows } from '@switchboard/db';
import { DataSource } from 'typeorm';
import { attachmentsOf } from '../attachments/attachment-sql';
import { INTERACTION_COLUMNS, toInteractionRow, type InteractionRow, type RawInteractionRow } from '../interactions/interaction-sql';

/** Columns of a message as InteractionMessage (from `interaction_messages m`). */
export const MESSAGE_COLUMNS = `m.id, m.direction, m.author_id as "authorId", m.author_name as "authorName", m.client_id as "clientId", m.body,
  m.delivery, m.delivery_error as "deliveryError", m.created_at as "createdAt"`;

export type RawMessage = Omit<InteractionMessage, 'createdAt' | 'attachments'> & { createdAt: Date | string; attachments?: InteractionMessage['attachments'] };

export const toMessage = (raw: RawMessage): InteractionMessage => ({
  id: raw.id,
  direction: raw.direction,
  authorId: raw.authorId,
  authorName: raw.authorName,
  clientId: raw.clientId,
  body: raw.body,
  delivery: raw.delivery,
  deliveryError: raw.deliveryError,
  attachments: raw.attachments ?? [],
  createdAt: new Date(raw.createdAt).toISOString(),
});

/** The most messages a conversation view loads (the latest ones). */
const VIEW_LIMIT = 500;

/** An agent's reply to store. */
export interface OutboundInput {
  interactionId: string;
  agentId: string;
  authorName: string;
  clientId: string;
  body: string;
}

/** A stored reply with the interaction it goes out on; `duplicate` when the client id had been stored before. */
export interface StoredReply {
  message: InteractionMessage;
  interaction: InteractionRow;
  duplicate: boolean;
}

/** A contact's side of the conversation: their thread on one channel account. */
export interface ThreadRef {
  channel: string;
  accountId: string;
  threadKey: string;
}

/**
 * The messages of interactions, after intake stored the first: agents' replies with their delivery,
 * conversation views, and what a contact adds at the end (a rating).
 */
@Injectable()
export class MessagesService {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest messages of an interaction, oldest first. */
  async list(interactionId: string): Promise<InteractionMessage[]> {
    const rows: RawMessage[] = await this.dataSource.query(
      `select x.*, ${attachmentsOf('x')} as attachments
         from (select ${MESSAGE_COLUMNS}, m.seq from interaction_messages m where m.interaction_id = $1 order by m.seq desc limit ${VIEW_LIMIT}) x order by x.seq`,
      [interactionId],
    );
    return rows.map(toMessage);
  }

  /**
   * Stores an agent's reply, only while the agent holds the interaction (active and theirs); a
   * second copy of one client id stores nothing and answers the first. Null: not theirs.
   */
  async appendOutbound(input: OutboundInput): Promise<StoredReply | null> {
    const rows: Array<{ message: RawMessage; interaction: RawInteractionRow; fresh: boolean }> = await this.dataSource.query(
      `with target as (select ${INTERACTION_COLUMNS} from interactions i where i.id = $1 and i.status = 'active' and i.agent_id = $2),
            stored as (
              insert into interaction_messages as m (interaction_id, direction, author_id, author_name, client_id, body, dedupe_key, delivery)
              select t.id, 'out', $2, $3, $4, $5, 'out:' || t.id || ':' || $4, 'pending' from target t
              on conflict (dedupe_key) do nothing
              returning ${MESSAGE_COLUMNS})
       select row_to_json(s) as message, (select row_to_json(t) from target t) as interaction, true as fresh from stored s
       union all
       select row_to_json(x), (select row_to_json(t) from target t), false
         from (select ${MESSAGE_COLUMNS} from interaction_messages m where m.dedupe_key = 'out:' || $1 || ':' || $4 and m.author_id = $2) x
        where not exists (select 1 from stored)`,
      [input.interactionId, input.agentId, input.authorName, input.clientId, input.body],
    );
    const [row] = rows;
    if (!row) return null;
    // A resend after the interaction ended still answers the message it stored.
    const interaction = row.interaction ? toInteractionRow(row.interaction) : await this.interactionOf(row.message.id);
    if (!interaction) return null;
    return { message: toMessage(row.message), interaction, duplicate: !row.fresh };
  }

  /** A message with the interaction it belongs to (the delivery job reads it). */
  async withInteraction(messageId: string): Promise<{ message: InteractionMessage; interaction: InteractionRow } | null> {
    const [row] = await this.dataSource.query(
      `select row_to_json(x) as message, (select row_to_json(j) from (select ${INTERACTION_COLUMNS} from interactions i where i.id = x.interaction_id) j) as interaction
         from (select ${MESSAGE_COLUMNS}, m.interaction_id, ${attachmentsOf('m')} as attachments from interaction_messages m where m.id = $1) x`,
      [messageId],
    );
    if (!row) return null;
    return { message: toMessage((row as { message: RawMessage }).message), interaction: toInteractionRow((row as { interaction: RawInteractionRow }).interaction) };
  }

  /** Records how a delivery ended; answers false when it had been recorded already (a retried job). */
  async setDelivery(messageId: string, delivery: Exclude<MessageDelivery, 'pending'>, detail: { providerMessageId?: string; error?: string }): Promise<boolean> {
    const rows = await returningRows(
      this.dataSource,
      `update interaction_messages set delivery = $2, provider_message_id = $3, delivery_error = $4 where id = $1 and delivery = 'pending' returning id`,
      [messageId, delivery, detail.providerMessageId ?? null, detail.error ?? null],
    );
    return rows.length > 0;
  }

  /** The contact's open interaction on their thread, or null. */
  async openOf(thread: ThreadRef): Promise<InteractionRow | null> {
    const [row] = await this.dataSource.query(
      `select ${INTERACTION_COLUMNS} from interactions i where i.channel = $1 and i.account_id = $2 and i.thread_key = $3 and i.status in ('waiting', 'offered', 'active')`,
      [thread.channel, thread.accountId, thread.threadKey],
    );
    return row ? toInteractionRow(row as RawInteractionRow) : null;
  }

  /** The open interactions of these threads of one channel (one read for many), with the contact's name. */
  async openOfMany(channel: string, threads: ReadonlyArray<{ accountId: string; threadKey: string }>): Promise<Array<{ accountId: string; threadKey: string; interactionId: string; contactName: string | null }>> {
    if (!threads.length) return [];
    return this.dataSource.query(
      `select i.account_id as "accountId", i.thread_key as "threadKey", i.id as "interactionId", i.contact_name as "contactName"
         from unnest($2::text[], $3::text[]) as t(account_id, thread_key)
         join interactions i on i.channel = $1 and i.account_id = t.account_id and i.thread_key = t.thread_key and i.status in ('waiting', 'offered', 'active')`,
      [channel, threads.map((t) => t.accountId), threads.map((t) => t.threadKey)],
    );
  }

  /** An interaction of this thread (open or ended), or null: a contact can only reach their own. */
  async ofThread(thread: ThreadRef, interactionId: string): Promise<InteractionRow | null> {
    const [row] = await this.dataSource.query(
      `select ${INTERACTION_COLUMNS} from interactions i where i.id = $4 and i.channel = $1 and i.account_id = $2 and i.thread_key = $3`,
      [thread.channel, thread.accountId, thread.threadKey, interactionId],
    );
    return row ? toInteractionRow(row as RawInteractionRow) : null;
  }

  /** The contact's rating of an ended interaction; false when it is not ended (or rated already). */
  async rate(interactionId: string, rating: number, comment: string | null): Promise<boolean> {
    const rows = await returningRows(
      this.dataSource,
      `update interactions set rating = $2, rating_comment = $3 where id = $1 and status in ('closed', 'abandoned') and rating is null returning id`,
      [interactionId, rating, comment],
    );
    return rows.length > 0;
  }

  private async interactionOf(messageId: string): Promise<InteractionRow | null> {
    const [row] = await this.dataSource.query(
      `select ${INTERACTION_COLUMNS} from interactions i where i.id = (select interaction_id from interaction_messages where id = $1)`,
      [messageId],
    );
    return row ? toInteractionRow(row as RawInteractionRow) : null;
  }
}
