import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, type InteractionMessage, type MessageAttachment } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import { INTERACTION_COLUMNS, toInteractionRow, type InteractionRow, type RawInteractionRow } from '../interactions/interaction-sql';
import { MESSAGE_COLUMNS, toMessage, type RawMessage, type ThreadRef } from '../messages/messages.service';
import type { AcceptedFile } from './attachment-policy';
import { ATTACHMENT_COLUMNS, attachmentsOf } from './attachment-sql';

/** An attachment with its bytes, to send to whoever may download it. */
export interface AttachmentContent extends MessageAttachment {
  data: Buffer;
}

/** A message stored with its file, and the interaction it belongs to; `duplicate` when its client id had been stored before. */
export interface StoredFileMessage {
  message: InteractionMessage;
  interaction: InteractionRow;
  duplicate: boolean;
}

/** The contact's file to store in their open interaction. */
export interface InboundFile {
  /** The sender's own id of the message; dedupes like intake does (channel, account and this id). */
  clientId: string;
  file: AcceptedFile;
}

/** An agent's file to store in the interaction they hold. */
export interface OutboundFile {
  interactionId: string;
  agentId: string;
  authorName: string;
  clientId: string;
  file: AcceptedFile;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface StoredRow {
  interaction: RawInteractionRow | null;
  message: RawMessage | null;
  attachments: MessageAttachment[] | null;
}

/**
 * Files of conversations, in the database every API node shares. A file is stored with the new
 * message that carries it, in one statement: both or neither. Reads are scoped: a contact reads
 * the files of their own thread's interactions, anyone else those of one interaction the caller
 * has been allowed to read.
 */
@Injectable()
export class AttachmentsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A contact's file as a new message of their open interaction on `thread`. Null when none is
   * open (nothing stored). A client id stored before answers that message (when it is the
   * thread's) and stores nothing; another thread's is a conflict.
   */
  async storeInbound(thread: ThreadRef, input: InboundFile): Promise<StoredFileMessage | null> {
    const dedupeKey = `${thread.channel}:${thread.accountId}:${input.clientId}`;
    const [row] = await this.dataSource.query<StoredRow[]>(
      `with target as (
              select ${INTERACTION_COLUMNS} from interactions i
               where i.channel = $1 and i.account_id = $2 and i.thread_key = $3 and i.status in ('waiting', 'offered', 'active') for share),
            stored as (
              insert into interaction_messages as m (interaction_id, direction, body, dedupe_key, client_id, author_name)
              select t.id, 'in', '', $4, $5, t."contactName" from target t
              on conflict (dedupe_key) do nothing
              returning ${MESSAGE_COLUMNS}, m.interaction_id),
            file as (
              insert into interaction_attachments as a (interaction_id, message_id, file_name, media_type, size, data)
              select s.interaction_id, s.id, $6, $7, $8, $9 from stored s
              returning ${ATTACHMENT_COLUMNS})
       select (select row_to_json(t) from target t) as interaction, (select row_to_json(s) from stored s) as message, (select json_agg(row_to_json(f)) from file f) as attachments`,
      [thread.channel, thread.accountId, thread.threadKey, dedupeKey, input.clientId, input.file.name, input.file.mediaType, input.file.size, input.file.data],
    );
    if (!row?.interaction) return null;
    const interaction = toInteractionRow(row.interaction);
    if (row.message) return { message: withFiles(row.message, row.attachments), interaction, duplicate: false };
    const earlier = await this.storedMessage(
      `m.dedupe_key = $1 and m.interaction_id in (select id from interactions where channel = $2 and account_id = $3 and thread_key = $4)`,
      [dedupeKey, thread.channel, thread.accountId, thread.threadKey],
    );
    if (!earlier) throw new DomainException(ErrorCode.Conflict, 'This message id was used for another message');
    return { ...earlier, duplicate: true };
  }

  /**
   * An agent's file as a new message (pending delivery) of the interaction they hold (active and
   * theirs). Null: not theirs. A client id stored before answers that message and stores nothing.
   */
  async storeOutbound(input: OutboundFile): Promise<StoredFileMessage | null> {
    const [row] = await this.dataSource.query<StoredRow[]>(
      `with target as (select ${INTERACTION_COLUMNS} from interactions i where i.id = $1 and i.status = 'active' and i.agent_id = $2),
            stored as (
              insert into interaction_messages as m (interaction_id, direction, author_id, author_name, client_id, body, dedupe_key, delivery)
              select t.id, 'out', $2, $3, $4, '', 'out:' || t.id || ':' || $4, 'pending' from target t
              on conflict (dedupe_key) do nothing
              returning ${MESSAGE_COLUMNS}, m.interaction_id),
            file as (
              insert into interaction_attachments as a (interaction_id, message_id, file_name, media_type, size, data)
              select s.interaction_id, s.id, $5, $6, $7, $8 from stored s
              returning ${ATTACHMENT_COLUMNS})
       select (select row_to_json(t) from target t) as interaction, (select row_to_json(s) from stored s) as message, (select json_agg(row_to_json(f)) from file f) as attachments`,
      [input.interactionId, input.agentId, input.authorName, input.clientId, input.file.name, input.file.mediaType, input.file.size, input.file.data],
    );
    if (row?.interaction && row.message) return { message: withFiles(row.message, row.attachments), interaction: toInteractionRow(row.interaction), duplicate: false };
    // A resend, even after the interaction ended, answers the message it stored.
    const earlier = await this.storedMessage(`m.dedupe_key = 'out:' || $1 || ':' || $2 and m.author_id = $3`, [input.interactionId, input.clientId, input.agentId]);
    return earlier ? { ...earlier, duplicate: true } : null;
  }

  /** A file of an interaction of the contact's thread (open or ended), or null. */
  openOfThread(thread: ThreadRef, attachmentId: string): Promise<AttachmentContent | null> {
    return this.content(
      `a.id = $1 and a.interaction_id in (select id from interactions where channel = $2 and account_id = $3 and thread_key = $4)`,
      attachmentId,
      [thread.channel, thread.accountId, thread.threadKey],
    );
  }

  /** A file of this interaction (the caller checked that its reader may read the interaction), or null. */
  openOfInteraction(interactionId: string, attachmentId: string): Promise<AttachmentContent | null> {
    return this.content('a.id = $1 and a.interaction_id = $2', attachmentId, [interactionId]);
  }

  private async content(where: string, attachmentId: string, params: unknown[]): Promise<AttachmentContent | null> {
    // Not an id at all: nothing to find (and nothing for PostgreSQL to refuse).
    if (!UUID.test(attachmentId)) return null;
    const [row] = await this.dataSource.query<AttachmentContent[]>(`select ${ATTACHMENT_COLUMNS}, a.data from interaction_attachments a where ${where}`, [attachmentId, ...params]);
    return row ?? null;
  }

  private async storedMessage(where: string, params: unknown[]): Promise<Omit<StoredFileMessage, 'duplicate'> | null> {
    const [row] = await this.dataSource.query<Array<{ message: RawMessage; interaction: RawInteractionRow }>>(
      `select row_to_json(x) as message, (select row_to_json(j) from (select ${INTERACTION_COLUMNS} from interactions i where i.id = x.interaction_id) j) as interaction
         from (select ${MESSAGE_COLUMNS}, m.interaction_id, ${attachmentsOf('m')} as attachments from interaction_messages m where ${where}) x`,
      params,
    );
    return row ? { message: toMessage(row.message), interaction: toInteractionRow(row.interaction) } : null;
  }
}

const withFiles = (raw: RawMessage, files: MessageAttachment[] | null): InteractionMessage => ({ ...toMessage(raw), attachments: files ?? [] });
