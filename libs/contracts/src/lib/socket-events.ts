import type { ApiError } from './error-codes';
import type { CurrentUser } from './auth';
import type { ImportProgress } from './agents';
import type { InteractionMessage, ReplyRequest } from './history';
import type { Contact } from './contacts';
import type { InteractionSummary, Offer, OfferEndReason, Presence, SetPresenceRequest, TransferRequest } from './routing';

/** The socket.io namespace of the console (agents, supervisors, admins). */
export const CONSOLE_NAMESPACE = '/console';

/** Events the server sends to a console socket. */
export interface ConsoleServerEvents {
  /** Sent once after the handshake is authenticated. */
  'session.ready': (payload: { user: CurrentUser; node: string }) => void;
  /** The session ended on the server (signed out, revoked, disabled); the client signs out. */
  'session.ended': (payload: { reason: string }) => void;
  /** A message to every signed-in console, such as a maintenance notice. */
  'system.notice': (payload: { message: string }) => void;
  /** Progress of an agents CSV import this user started. */
  'staff.import.progress': (payload: ImportProgress) => void;
  /** A contact was created or changed (masked for agents with "Mask Sensitive Data"). */
  'contact.saved': (payload: Contact) => void;
  /** The agent's presence changed (by them, a supervisor, or the grace period). */
  'presence.changed': (payload: Presence) => void;
  /** An interaction is offered to this agent. */
  'offer.new': (payload: Offer) => void;
  /** The offer is this agent's now (accepted by them or by auto answer). Not sent to the socket whose `offer.accept` it answers: its acknowledgement says so. */
  'offer.accepted': (payload: { offerId: string; interaction: InteractionSummary }) => void;
  /** The offer left this agent: rejected, timed out, taken by another, withdrawn or abandoned. */
  'offer.ended': (payload: { offerId: string; interactionId: string; reason: OfferEndReason }) => void;
  /** An interaction this agent held was transferred away. */
  'interaction.transferred': (payload: { interactionId: string; to: TransferRequest }) => void;
  /** An interaction this agent held was closed (by them, or the contact abandoned it). Not sent to the socket whose `interaction.close` it answers. */
  'interaction.closed': (payload: { interactionId: string; reason: string }) => void;
  /** A message of an interaction this agent holds: the contact's, or the agent's own from another console. */
  'interaction.message': (payload: { interactionId: string; message: InteractionMessage }) => void;
  /** An agent's message reached the channel, or the channel refused it. */
  'interaction.delivery': (payload: { interactionId: string; messageId: string; delivery: InteractionMessage['delivery']; error: string | null }) => void;
  /** The contact started or stopped typing. */
  'interaction.typing': (payload: { interactionId: string; typing: boolean }) => void;
  /** The contact has read the agent's messages up to this one. */
  'interaction.read': (payload: { interactionId: string; upTo: string }) => void;
}

/** Events a console socket sends to the server. */
export interface ConsoleClientEvents {
  ping: (ack: (payload: { node: string; at: string }) => void) => void;
  'presence.set': (request: SetPresenceRequest, ack: (result: SocketActionResult<Presence>) => void) => void;
  'offer.accept': (request: { offerId: string }, ack: (result: SocketActionResult<InteractionSummary>) => void) => void;
  'offer.reject': (request: { offerId: string }, ack: (result: SocketActionResult<null>) => void) => void;
  'interaction.close': (request: { interactionId: string }, ack: (result: SocketActionResult<null>) => void) => void;
  'interaction.transfer': (request: { interactionId: string } & TransferRequest, ack: (result: SocketActionResult<null>) => void) => void;
  'interaction.send': (request: { interactionId: string } & ReplyRequest, ack: (result: SocketActionResult<InteractionMessage>) => void) => void;
  'interaction.typing': (request: { interactionId: string; typing: boolean }) => void;
  /** The agent has read the contact's messages up to this one (the widget shows it). */
  'interaction.read': (request: { interactionId: string; upTo: string }) => void;
}

/** The acknowledgement of a console action sent over the socket: its result, or the API error. */
export type SocketActionResult<T> = { ok: true; data: T } | { ok: false; error: Pick<ApiError, 'code' | 'message'> & { statusCode: number } };

/** The error a refused handshake carries in `connect_error` (`err.data`). */
export type SocketConnectError = Pick<ApiError, 'code' | 'message'>;
