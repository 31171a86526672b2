import type { ApiError } from './error-codes';
import type { CurrentUser } from './auth';
import type { ImportProgress } from './agents';
import type { Contact } from './contacts';

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
}

/** Events a console socket sends to the server. */
export interface ConsoleClientEvents {
  ping: (ack: (payload: { node: string; at: string }) => void) => void;
}

/** The error a refused handshake carries in `connect_error` (`err.data`). */
export type SocketConnectError = Pick<ApiError, 'code' | 'message'>;
