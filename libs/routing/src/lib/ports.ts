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
