import type { StaffChannel } from './channels-kinds';

/* ---------- Presence ---------- */

/** An agent's readiness (seed 001: Online, Away with or without a pause reason, and signed out). */
export const PresenceStatus = { Offline: 'offline', Online: 'online', Paused: 'paused' } as const;
export type PresenceStatus = (typeof PresenceStatus)[keyof typeof PresenceStatus];
export const PRESENCE_STATUSES: readonly PresenceStatus[] = Object.values(PresenceStatus);

/** A configurable reason for a pause (lunch, personal, …). */
export interface PauseReason {
  id: string;
  name: string;
  /** Order in the status menu. */
  position: number;
  /** Hidden from the menu but kept for reports. */
  archived: boolean;
}
export interface PauseReasonRequest {
  name: string;
  position?: number;
  archived?: boolean;
}

/** Where an agent stands now, as the top bar and the supervisor's list show it. */
export interface Presence {
  agentId: string;
  username: string;
  fullName: string;
  status: PresenceStatus;
  /** Set when paused with a reason; null for a pause without one ("Away"). */
  pauseReason: { id: string; name: string } | null;
  since: string;
  /** Channels the agent may work (those of their queues, and chat); each switchable. */
  channels: Array<{ channel: StaffChannel; enabled: boolean }>;
  /** What the agent holds now (pending offers and open interactions) per channel, and in all. */
  load: Partial<Record<StaffChannel, number>>;
  openTotal: number;
  /** Capacity per channel (0 = unlimited; voice is always one call) and the tab limit. */
  capacity: Record<StaffChannel, number>;
  tabLimit: number;
}

/** `PUT /api/v1/presence/me` and, by a supervisor, `PUT /api/v1/presence/:agentId`. */
export interface SetPresenceRequest {
  status: PresenceStatus;
  /** Only with `paused`; omit for a pause without a reason. */
  pauseReasonId?: string | null;
}
/** `PUT /api/v1/presence/me/channels/:channel`. */
export interface SetChannelRequest {
  enabled: boolean;
}

/** One change of an agent's status (kept for reports). */
export interface PresenceEvent {
  agentId: string;
  status: PresenceStatus;
  pauseReasonId: string | null;
  pauseReasonName: string | null;
  /** Who made the change when it was not the agent (a supervisor), or `system` (grace period). */
  changedBy: string | null;
  at: string;
}

/** Company-wide routing settings (`/api/v1/routing/settings`). */
export interface RoutingSettings {
  /** Seed 001: "the option to change channels may be forbidden in the company settings". */
  agentsMayToggleChannels: boolean;
  /** Offer timeout of interactions routed without a queue (chosen agents, or all agents); 1–600 s. */
  offerTimeoutSeconds: number;
}

/* ---------- Queues: how they route ---------- */

export const RoutingStrategy = {
  RingAll: 'ring-all',
  RoundRobin: 'round-robin',
  LeastRecent: 'least-recent',
  FewestInteractions: 'fewest-interactions',
  /** Members of priority 1 are tried before 2, and so on; least-recent within a tier. */
  Priority: 'priority',
} as const;
export type RoutingStrategy = (typeof RoutingStrategy)[keyof typeof RoutingStrategy];
export const ROUTING_STRATEGIES: readonly RoutingStrategy[] = Object.values(RoutingStrategy);

/** What happens to an interaction that waited the queue's maximum wait. */
export const OverflowAction = {
  /** Keeps waiting in this queue. */
  None: 'none',
  /** Moves to `overflowQueueId`. */
  Queue: 'queue',
  /** Ends as "no agent" so the channel takes an offline message (web chat: the offline form). */
  Offline: 'offline',
} as const;
export type OverflowAction = (typeof OverflowAction)[keyof typeof OverflowAction];
export const OVERFLOW_ACTIONS: readonly OverflowAction[] = Object.values(OverflowAction);

export interface QueueRouting {
  strategy: RoutingStrategy;
  /** Seconds an agent has to accept an offer before it moves on (1–600). */
  offerTimeoutSeconds: number;
  /** Seconds an interaction may wait before overflow; 0 = no limit. */
  maxWaitSeconds: number;
  overflowAction: OverflowAction;
  overflowQueueId: string | null;
}
export const DEFAULT_QUEUE_ROUTING: QueueRouting = {
  strategy: RoutingStrategy.LeastRecent,
  offerTimeoutSeconds: 30,
  maxWaitSeconds: 0,
  overflowAction: OverflowAction.None,
  overflowQueueId: null,
};

/* ---------- Routing rules (routing points) ---------- */

/** An agent a rule sends to, with a priority (1 is tried first; seed 002: high and low priority). */
export interface RuleAgent {
  agentId: string;
  priority: number;
}

/**
 * A web chat routing point (seed 003) and chat routing rule (seed 000): URL patterns, `*` being
 * any run of characters; the first enabled rule (by position) whose pattern matches wins.
 */
export interface RoutingRule {
  id: string;
  name: string;
  description: string | null;
  patterns: string[];
  /** Sends to a queue (with its strategy) … */
  queueId: string | null;
  /** … or to chosen agents by priority (when `queueId` is null). */
  agents: Array<RuleAgent & { username: string; fullName: string }>;
  /** Chat layout name (seed 003 "Web Chat Layout"). */
  layout: string | null;
  /** Call class given to the interactions (seed 003 "Class"). */
  callClass: string | null;
  /** Operators who receive this rule's offline messages; empty = the default recipients. */
  offlineRecipientIds: string[];
  enabled: boolean;
  position: number;
  createdAt: string;
  updatedAt: string;
}
export interface RoutingRuleRequest {
  name: string;
  description?: string | null;
  patterns: string[];
  queueId?: string | null;
  agents?: RuleAgent[];
  layout?: string | null;
  callClass?: string | null;
  offlineRecipientIds?: string[];
  enabled?: boolean;
}
/** `PUT /api/v1/routing/rules/order`: every rule id, first match first. */
export interface RuleOrderRequest {
  ids: string[];
}
/** `GET /api/v1/routing/rules/match?url=`: which rule a page would use. */
export interface RuleMatch {
  url: string;
  rule: Pick<RoutingRule, 'id' | 'name' | 'queueId'> | null;
}

/** Seed 000 "Off-line messages": the operators who receive them by e-mail. */
export interface OfflineRecipients {
  agentIds: string[];
}

/** A message a contact left when nobody could answer. */
export interface OfflineMessage {
  id: string;
  channel: string;
  accountId: string;
  name: string | null;
  email: string | null;
  body: string;
  pageUrl: string | null;
  ruleId: string | null;
  /** Who it was mailed to (usernames). */
  recipients: string[];
  createdAt: string;
}

/* ---------- Interactions and offers ---------- */

export const InteractionStatus = {
  Waiting: 'waiting',
  Offered: 'offered',
  Active: 'active',
  Closed: 'closed',
  Abandoned: 'abandoned',
} as const;
export type InteractionStatus = (typeof InteractionStatus)[keyof typeof InteractionStatus];

/** What happened to an interaction, one row per step (reports aggregate them). */
export const InteractionEventType = {
  Created: 'created',
  Queued: 'queued',
  Offered: 'offered',
  Accepted: 'accepted',
  Rejected: 'rejected',
  TimedOut: 'timed-out',
  Withdrawn: 'withdrawn',
  Transferred: 'transferred',
  Overflowed: 'overflowed',
  Closed: 'closed',
  Abandoned: 'abandoned',
} as const;
export type InteractionEventType = (typeof InteractionEventType)[keyof typeof InteractionEventType];

/** An interaction as the agent desktop shows it. */
export interface InteractionSummary {
  id: string;
  channel: string;
  accountId: string;
  contactAddress: string;
  contactName: string | null;
  /** The contact's answers to the pre-chat form, by field key (masked like the name). */
  contactFields: Record<string, string>;
  pageUrl: string | null;
  status: InteractionStatus;
  queueId: string | null;
  ruleId: string | null;
  /** The site whose agents it went to (a web chat no rule matched), or null. */
  siteId: string | null;
  agentId: string | null;
  createdAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  closedReason: string | null;
}

/** An offer of an interaction to one agent. */
export interface Offer {
  id: string;
  interaction: InteractionSummary;
  expiresAt: string;
  /** Set when auto answer accepts it at that time (never with ring-all). */
  autoAnswerAt: string | null;
}

/** Why an offer left the agent's screen. */
export type OfferEndReason = 'accepted' | 'rejected' | 'timeout' | 'taken' | 'withdrawn' | 'abandoned';

/** `GET /api/v1/routing/desk`: the signed-in agent's pending offers and open interactions. */
export interface Desk {
  offers: Offer[];
  interactions: InteractionSummary[];
}

/** `POST /api/v1/interactions/:id/transfer`: to one agent (who gets an offer) or a queue. */
export interface TransferRequest {
  agentId?: string;
  queueId?: string;
}

/**
 * `GET /api/v1/interactions/:id/transfer-targets`: where the agent holding an open interaction
 * may hand it, whatever their role: the queues of its channel, and the other online agents who
 * work that channel (names and load only), with whether they have room for it now.
 */
export interface TransferTargets {
  queues: Array<{ id: string; name: string }>;
  agents: Array<{ agentId: string; username: string; fullName: string; openTotal: number; hasRoom: boolean }>;
}

/**
 * `POST /api/v1/interactions/inbound` (administrators and integrations): an inbound message on
 * any channel, as a channel plugin would hand it to the kernel.
 */
export interface InboundRequest {
  channel: StaffChannel;
  accountId: string;
  contactAddress: string;
  contactName?: string;
  body: string;
  externalMessageId: string;
  pageUrl?: string;
  /** The contact's IP address: a blacklisted one is refused (403 BLOCKED) and nothing is stored. */
  remoteIp?: string;
}
export interface InboundResponse {
  interactionId: string;
  messageId: string;
  duplicate: boolean;
}

/** `POST /api/v1/interactions/offline-messages`: a message left when nobody could answer. */
export interface OfflineMessageRequest {
  channel: StaffChannel;
  accountId: string;
  name?: string;
  email?: string;
  body: string;
  pageUrl?: string;
  /** The contact's IP address, checked against the blacklist. */
  remoteIp?: string;
}
