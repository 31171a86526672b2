import type { ChannelCapabilities, JsonSchemaObject, MessageAttachment } from '@switchboard/contracts';

/** What a plugin says about itself. The kernel validates it at start (see validateChannelManifest). */
export interface ChannelManifest {
  /** Lower-case id, unique among installed plugins: `chat`, `email`, `sms`, `whatsapp`, `voice`, or a third party's. */
  id: string;
  displayName: string;
  capabilities: ChannelCapabilities;
  /** Most concurrent interactions per agent unless an admin sets another (0 = unlimited). */
  defaultCapacity: number;
  /** JSON Schema of one account's settings; the console renders the account form from it. */
  settingsSchema: JsonSchemaObject;
}

/** The interaction a message belongs to, as a plugin sees it. */
export interface InteractionRef {
  id: string;
  channelId: string;
  /** The channel account (mailbox, phone number, site) the interaction came through. */
  accountId: string;
  /** The contact's address on this channel: e-mail, phone number, visitor id. */
  contactAddress: string;
  /** The provider's thread or conversation id, when the channel has threads. */
  externalThreadId?: string;
}

/** A message the kernel asks a plugin to deliver. */
export interface OutboundMessage {
  /** Our message id; also the idempotency key of the send job, so a retry never sends twice. */
  id: string;
  body: string;
  /** Files sent with it (stored by the kernel; web chat's visitor downloads them through the plugin). */
  attachments?: MessageAttachment[];
  /** Display name of the agent who wrote it. */
  authorName?: string;
}

/** A delivered message: the provider's id for it (for delivery receipts and dedupe). */
export interface SendResult {
  providerMessageId: string;
}

/** Why a send failed, so the kernel knows whether to retry. */
export type ChannelSendErrorKind =
  /** A passing fault (timeout, 5xx, rate limit): the job is retried with back-off. */
  | 'transient'
  /** The provider refused the message (bad address, closed reply window): not retried. */
  | 'rejected'
  /** The account's settings or credentials are wrong: not retried, the account is flagged. */
  | 'misconfigured';

/** The typed error `send()` throws; anything else thrown counts as `transient`. */
export class ChannelSendError extends Error {
  constructor(
    readonly kind: ChannelSendErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ChannelSendError';
  }
}

/** Result of a connection check of one account. */
export interface ChannelHealth {
  ok: boolean;
  message?: string;
}

/**
 * The object a channel plugin registers. Inbound traffic reaches the kernel through the
 * plugin's own controllers, gateways or jobs calling `InteractionIntake`; outbound traffic
 * leaves through `send`.
 */
export interface ChannelPlugin {
  readonly manifest: ChannelManifest;

  /** Delivers one message; returns the provider's id or throws ChannelSendError. */
  send(interaction: InteractionRef, message: OutboundMessage): Promise<SendResult>;

  /** Checks that an account's settings work (credentials, reachability). */
  checkHealth?(accountId: string): Promise<ChannelHealth>;

  /** Called after an admin connects or re-configures an account. */
  onAccountConnected?(accountId: string): Promise<void>;

  /** Called after an interaction of this channel is closed or abandoned (by the agent, the contact, or routing). */
  onInteractionClosed?(interaction: InteractionRef): Promise<void>;

  /** What the agent does besides writing, for channels that show it live (answered, typing, read). */
  onAgentActivity?(interaction: InteractionRef, activity: AgentActivity): Promise<void>;
}

/** An agent's doings the contact may see. */
export type AgentActivity =
  | { kind: 'answered'; agentName: string }
  | { kind: 'typing'; typing: boolean; agentName: string }
  | { kind: 'read'; upTo: string };
