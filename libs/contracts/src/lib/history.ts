import type { InteractionStatus, InteractionSummary } from './routing';
import type { StaffChannel } from './channels-kinds';
import type { MessageAttachment } from './attachments';

/**
 * Interaction history (`GET /api/v1/interactions`): transcripts searched by their text
 * (PostgreSQL full-text, `q`), filtered by site, agent, queue, channel, status and date. Agents
 * see the interactions they held unless they may read all (supervisors and admins).
 */
export interface HistoryQuery {
  page?: number;
  pageSize?: number;
  /** Words of the messages (web-search syntax: "exact phrase", -excluded, or). */
  q?: string;
  siteId?: string;
  agentId?: string;
  queueId?: string;
  channel?: StaffChannel;
  status?: InteractionStatus;
  /** ISO instant, inclusive: created at or after. */
  from?: string;
  /** ISO instant, exclusive. */
  to?: string;
  order?: 'asc' | 'desc';
}

export interface InteractionMessage {
  id: string;
  /** `in`: from the contact; `out`: from an agent. */
  direction: 'in' | 'out';
  authorId: string | null;
  /** The contact's or the agent's name as it was when they wrote. */
  authorName: string | null;
  /** The sender's own id of the message (the widget's, the console's, the provider's). */
  clientId: string | null;
  body: string;
  /** An agent's message: on its way to the contact, delivered to the channel, or refused by it. */
  delivery: MessageDelivery | null;
  /** Why the channel refused it (delivery `failed`). */
  deliveryError: string | null;
  /** Files sent with it (`GET /api/v1/interactions/:id/attachments/:attachmentId` downloads one). */
  attachments: MessageAttachment[];
  createdAt: string;
}

export type MessageDelivery = 'pending' | 'sent' | 'failed';

/** `POST /api/v1/interactions/:id/messages` (and the console socket's `interaction.send`): an agent's reply. */
export interface ReplyRequest {
  /** The console's own id of the message: sending it again (a retry) stores nothing new. */
  clientId: string;
  body: string;
}

export interface InteractionEventView {
  type: string;
  agentId: string | null;
  queueId: string | null;
  at: string;
  details: Record<string, unknown>;
}

/** `GET /api/v1/interactions/:id`: one interaction with its messages and events, oldest first. */
export interface Transcript {
  interaction: InteractionSummary;
  /** The contact's rating at the end (web chat), or null. */
  rating: { value: number; comment: string | null } | null;
  messages: InteractionMessage[];
  events: InteractionEventView[];
}
