import type { InteractionSummary } from '@switchboard/contracts';

/** Options of the routing module (from the kernel's configuration). */
export interface RoutingOptions {
  /** Seconds an agent may be without a console before going offline. */
  presenceGraceSeconds: number;
  /** Milliseconds between two passes of the routing clock (offer timeouts, auto answer, overflow). */
  tickMs: number;
  /** Seconds between two runs of the reconciler (each node runs one at start-up). */
  reconcileSeconds: number;
}
export const ROUTING_OPTIONS = Symbol('ROUTING_OPTIONS');

/** The agents with a console open on this node (the kernel's socket gateway provides it). */
export interface ConnectedAgents {
  connectedAgentIds(): string[];
}
export const CONNECTED_AGENTS = Symbol('CONNECTED_AGENTS');

/** What the agent does that a live channel shows the contact (plugin-sdk's AgentActivity; the host looks up a name not given). */
export type AgentSignal = { kind: 'answered' } | { kind: 'typing'; typing: boolean; agentName: string } | { kind: 'read'; upTo: string } | { kind: 'closed' };

/**
 * The channel plugins' side of an interaction (the kernel's plugin host provides it): what agents
 * do reaches the contact, and agents' messages are queued for delivery. Calls after a commit;
 * failures are the host's to log, never the caller's.
 */
export interface ChannelHooks {
  /** `interaction`: the row when the caller holds it (no second read), else its id. */
  signal(interaction: InteractionSummary | string, agentId: string | null, signal: AgentSignal): void;
  /** Queues the delivery of a stored agent's message (a job keyed by the message id). */
  deliver(messageId: string): Promise<void>;
}
export const CHANNEL_HOOKS = Symbol('CHANNEL_HOOKS');
