import type { Invitation, MessageAttachment } from '@switchboard/contracts';

/**
 * What the kernel hands a plugin. Plugins inject these by their tokens; the kernel provides
 * them globally, so a plugin module imports nothing from the kernel's own libraries.
 */

/** What arrived from a contact, as a plugin hands it to the kernel. */
export interface InboundMessage {
  channelId: string;
  accountId: string;
  /** The contact's address on this channel (e-mail, phone number, visitor id). */
  contactAddress: string;
  contactName?: string;
  body: string;
  /** The provider's (or widget's client) id of this message: intake drops a second copy. */
  externalMessageId: string;
  externalThreadId?: string;
  /** The page the contact wrote from (web chat), used by URL routing rules. */
  pageUrl?: string;
  /** The contact's IP address, checked against the blacklist. */
  remoteIp?: string;
  /** The contact's answers to a pre-chat form (kept with the interaction this message opens). */
  contactFields?: Record<string, string>;
  /**
   * False: the message only continues the contact's open interaction; when none is open, nothing
   * is stored and `receive` throws a DomainException `CONFLICT` (web chat: a new chat needs its form).
   */
  mayOpen?: boolean;
  /** An invitation's code: the interaction this message opens goes to its agent (refused when the code is spent). */
  invitation?: string;
  receivedAt?: Date;
  attachments?: Array<{ fileName: string; contentType: string; size: number; storageKey: string }>;
}

export interface IntakeResult {
  interactionId: string;
  messageId: string;
  /** True when this message had been received before and nothing new was stored. */
  duplicate: boolean;
}

/** Where a contact is writing from, for "can anyone answer?" and offline messages. */
export interface ContactOrigin {
  channelId: string;
  accountId: string;
  pageUrl?: string;
  /** The invitation the contact came with: then only its agent counts. */
  invitation?: string;
}

/** A message a contact leaves when nobody can answer (web chat's offline form). */
export interface OfflineMessageInput extends ContactOrigin {
  name?: string;
  email?: string;
  body: string;
  /** The contact's IP address, checked against the blacklist. */
  remoteIp?: string;
}

/** Turns inbound messages into interactions: dedupes, finds or opens the interaction, routes it. */
export interface InteractionIntake {
  receive(message: InboundMessage): Promise<IntakeResult>;
  /** The contact left before the interaction was answered (or while it was offered). */
  abandon(interactionId: string): Promise<void>;
  /** Whether an agent who could take an interaction from there is online now. */
  available(origin: ContactOrigin): Promise<boolean>;
  /** Stores the message and mails it to the operators chosen for offline messages. */
  leaveOfflineMessage(message: OfflineMessageInput): Promise<{ id: string }>;
}
export const INTERACTION_INTAKE = Symbol('switchboard:InteractionIntake');

/** A configured account of a channel (a mailbox, a phone number, a site). */
export interface ChannelAccount<TSettings = Record<string, unknown>> {
  id: string;
  channelId: string;
  name: string;
  enabled: boolean;
  /** Settings as the plugin's schema describes them, secrets decrypted. */
  settings: TSettings;
}

/** The stored accounts of the calling plugin's channel. */
export interface ChannelAccounts {
  get<TSettings = Record<string, unknown>>(channelId: string, accountId: string): Promise<ChannelAccount<TSettings> | null>;
  /** The enabled account whose public key (a site's embed key, a webhook's token) this is, or null. */
  byKey<TSettings = Record<string, unknown>>(channelId: string, key: string): Promise<ChannelAccount<TSettings> | null>;
  list<TSettings = Record<string, unknown>>(channelId: string): Promise<Array<ChannelAccount<TSettings>>>;
}
export const CHANNEL_ACCOUNTS = Symbol('switchboard:ChannelAccounts');

export interface JobOptions {
  /** Idempotency key: a job with the id of one already queued or done is not added again. */
  jobId?: string;
  delayMs?: number;
  /** Attempts in all, the first included (default 3). */
  attempts?: number;
  /** First retry delay; doubled at each further attempt (default 1000). */
  backoffMs?: number;
}

export interface Job<T> {
  id: string;
  name: string;
  data: T;
  /** 1 for the first attempt. */
  attempt: number;
}

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

/**
 * Background jobs, on BullMQ when Redis is configured and in process otherwise. Handlers are
 * registered at module init; registering a name twice, or adding a job nobody handles, throws.
 * Plugins name their jobs `<pluginId>.<job>`.
 */
export interface JobQueue {
  handle<T>(name: string, handler: JobHandler<T>): void;
  add<T>(name: string, data: T, options?: JobOptions): Promise<void>;
}
export const JOB_QUEUE = Symbol('switchboard:JobQueue');

/** A contact as a channel knows them: their address on one account of the channel. */
export interface ContactRef {
  channelId: string;
  accountId: string;
  contactAddress: string;
}

/** One message of a conversation as a plugin shows it to the contact. */
export interface ConversationMessage {
  id: string;
  /** The sender's own id: the widget's client id for the contact's messages. */
  clientId: string | null;
  direction: 'in' | 'out';
  authorName: string | null;
  body: string;
  /** Files sent with it (CONTACT_ATTACHMENTS opens one for the contact). */
  attachments: MessageAttachment[];
  createdAt: string;
}

/** The contact's conversation: its state and its latest messages, oldest first. */
export interface ContactConversation {
  interactionId: string;
  status: 'waiting' | 'offered' | 'active' | 'closed' | 'abandoned';
  /** The agent who holds it (active), as the contact may see them. */
  agentName: string | null;
  messages: ConversationMessage[];
}

/** What the contact does besides writing: the agent holding the interaction is told. */
export type ContactActivity = { kind: 'typing'; typing: boolean } | { kind: 'read'; upTo: string };

/**
 * A contact's own conversations, for channels the contact reads live (web chat). Every call names
 * the contact, and an interaction of someone else's is "not found": a contact reads only their own.
 */
export interface ContactConversations {
  /** The contact's open interaction with its messages, or null. */
  current(contact: ContactRef): Promise<ContactConversation | null>;
  /** One of the contact's interactions (open or ended), or null. */
  get(contact: ContactRef, interactionId: string): Promise<ContactConversation | null>;
  activity(contact: ContactRef, interactionId: string, activity: ContactActivity): Promise<void>;
  /** The contact ends their open interaction: abandoned while it waits, closed when answered. */
  end(contact: ContactRef): Promise<void>;
  /** Rating 1–5 of an ended interaction, once. */
  rate(contact: ContactRef, interactionId: string, rating: number, comment?: string): Promise<void>;
  /** Mails the interaction's transcript to an address the contact gives. */
  mailTranscript(contact: ContactRef, interactionId: string, email: string): Promise<void>;
  /** The open interactions of these contacts (one channel), with the contact's name as stored: one read for many. */
  openOf(channelId: string, contacts: ReadonlyArray<Omit<ContactRef, 'channelId'>>): Promise<Array<Omit<ContactRef, 'channelId'> & { interactionId: string; contactName: string | null }>>;
}
export const CONTACT_CONVERSATIONS = Symbol('switchboard:ContactConversations');

/** The connecting peer as a plugin's socket or webhook sees it. */
export interface PeerInfo {
  /** The TCP peer's address. */
  address: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The client's IP address: the peer's, or — only when the peer is one of the reverse proxies the
 * admin trusts (TRUSTED_PROXIES) — the one its X-Forwarded-For names.
 */
export interface ClientAddress {
  of(peer: PeerInfo): string;
}
export const CLIENT_ADDRESS = Symbol('switchboard:ClientAddress');

/** Who an invitation connects a contact to. */
export interface InvitationGrant {
  invitationId: string;
  agentId: string;
  agentName: string;
}

/**
 * Invitations (seed 001): links, or a proactive offer to a browsing visitor, that open a chat with
 * one agent. A message carrying a code (`InboundMessage.invitation`) opens its interaction for
 * that agent; the kernel redeems the code then.
 */
export interface Invitations {
  /** A new invitation to chat with this agent through this account; `code` goes to the contact. */
  create(input: { channelId: string; accountId: string; agentId: string; reusable: boolean; createdBy?: string }): Promise<{ invitation: Invitation; code: string }>;
  /** Who the code connects to, while it can still open a chat on this account; otherwise null. */
  check(channelId: string, accountId: string, code: string): Promise<InvitationGrant | null>;
}
export const INVITATIONS = Symbol('switchboard:Invitations');
