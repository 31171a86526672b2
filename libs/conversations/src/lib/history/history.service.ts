import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode, hasPermission, messageText, Permission, type CurrentUser, type InteractionSummary, type Page, type Transcript } from '@switchboard/contracts';
import { pageOf } from '@switchboard/db';
import { DataSource } from 'typeorm';
import { INTERACTION_COLUMNS, toInteractionRow, type RawInteractionRow } from '../interactions/interaction-sql';
import { toSummary } from '../interactions/interactions.service';
import { MessagesService } from '../messages/messages.service';
import type { HistoryQueryDto } from './history-query.dto';

const notFound = () => new DomainException(ErrorCode.NotFound, 'Interaction not found');

/** Filters of a history query as SQL conditions on `i`, with their parameters. */
function conditions(viewer: CurrentUser, query: HistoryQueryDto): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    parts.push(sql(`$${params.length}`));
  };
  // An agent sees what they held; reading everyone's needs the permission.
  if (!hasPermission(viewer, Permission.InteractionsReadAll)) add((p) => `i.agent_id = ${p}`, viewer.id);
  if (query.agentId) add((p) => `i.agent_id = ${p}`, query.agentId);
  if (query.siteId) add((p) => `i.account_id = ${p}`, query.siteId);
  if (query.queueId) add((p) => `i.queue_id = ${p}`, query.queueId);
  if (query.channel) add((p) => `i.channel = ${p}`, query.channel);
  if (query.status) add((p) => `i.status = ${p}`, query.status);
  if (query.from) add((p) => `i.created_at >= ${p}`, query.from);
  if (query.to) add((p) => `i.created_at < ${p}`, query.to);
  if (query.q?.trim()) {
    add((p) => `i.id in (select m.interaction_id from interaction_messages m where to_tsvector('simple', m.body) @@ websearch_to_tsquery('simple', ${p}))`, query.q.trim());
  }
  return { where: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

/** Interaction history: transcripts, searched and filtered, for those allowed to read them. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messages: MessagesService,
  ) {}

  async list(viewer: CurrentUser, query: HistoryQueryDto): Promise<Page<InteractionSummary>> {
    const { where, params } = conditions(viewer, query);
    const [{ n }] = await this.dataSource.query(`select count(*)::int as n from interactions i ${where}`, params);
    const order = query.order === 'asc' ? 'asc' : 'desc';
    const rows: RawInteractionRow[] = await this.dataSource.query(
      `select ${INTERACTION_COLUMNS} from interactions i ${where} order by i.created_at ${order}, i.id ${order} offset ${(query.page - 1) * query.pageSize} limit ${query.pageSize}`,
      params,
    );
    return pageOf(rows.map((r) => toSummary(toInteractionRow(r))), n as number, query);
  }

  /** One interaction with its messages and events; 404 for one the viewer may not read. */
  async transcript(viewer: CurrentUser, id: string): Promise<Transcript> {
    const [raw] = await this.dataSource.query(`select ${INTERACTION_COLUMNS}, i.rating, i.rating_comment as "ratingComment" from interactions i where i.id = $1`, [id]);
    const interaction = raw ? toSummary(toInteractionRow(raw as RawInteractionRow)) : null;
    if (!interaction || (interaction.agentId !== viewer.id && !hasPermission(viewer, Permission.InteractionsReadAll))) throw notFound();
    const messages = await this.messages.list(id);
    const events: Array<{ type: string; agentId: string | null; queueId: string | null; at: Date; details: Record<string, unknown> }> = await this.dataSource.query(
      'select type, agent_id as "agentId", queue_id as "queueId", at, details from interaction_events where interaction_id = $1 order by id',
      [id],
    );
    return {
      interaction,
      rating: raw.rating === null ? null : { value: raw.rating as number, comment: raw.ratingComment as string | null },
      messages,
      events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    };
  }
}

/** A transcript as plain text, for export: a header, then one line per message. */
export function transcriptText(transcript: Transcript, names: ReadonlyMap<string, string>): string {
  const { interaction } = transcript;
  const header = [
    `Interaction ${interaction.id}`,
    `Channel: ${interaction.channel} (${interaction.accountId})`,
    `Contact: ${interaction.contactName ?? interaction.contactAddress}`,
    `Started: ${interaction.createdAt}`,
    `Status: ${interaction.status}${interaction.closedAt ? ` at ${interaction.closedAt}` : ''}`,
  ];
  const lines = transcript.messages.map((m) => {
    const who = m.direction === 'in' ? (interaction.contactName ?? interaction.contactAddress) : (names.get(m.authorId ?? '') ?? 'Agent');
    return `[${m.createdAt}] ${who}: ${messageText(m)}`;
  });
  return `${[...header, '', ...lines].join('\n')}\n`;
}
