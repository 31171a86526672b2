import { effect, inject, Injectable, untracked } from '@angular/core';
import { CONSOLE_NAMESPACE, ErrorCode, type ConsoleClientEvents, type ConsoleServerEvents, type SocketActionResult, type SocketConnectError } from '@switchboard/contracts';
import { Observable } from 'rxjs';
import { io, type Socket } from 'socket.io-client';
import { AuthService } from './auth.service';

type Payload<E extends keyof ConsoleServerEvents> = Parameters<ConsoleServerEvents[E]>[0];

/** Console actions the server acknowledges with a `SocketActionResult`. */
export type SocketAction = {
  [E in keyof ConsoleClientEvents]: Parameters<ConsoleClientEvents[E]> extends [unknown, (result: SocketActionResult<infer _T>) => void] ? E : never;
}[keyof ConsoleClientEvents];
/** Console signals the server does not answer (typing, read). */
export type SocketSignal = {
  [E in keyof ConsoleClientEvents]: Parameters<ConsoleClientEvents[E]> extends [infer P] ? (P extends (...args: never[]) => unknown ? never : E) : never;
}[keyof ConsoleClientEvents];
type ActionRequest<E extends SocketAction> = Parameters<ConsoleClientEvents[E]>[0];
type ActionResult<E extends SocketAction> = Parameters<Parameters<ConsoleClientEvents[E]>[1]>[0];
type SignalPayload<E extends SocketSignal> = Parameters<ConsoleClientEvents[E]>[0];

/** How long an action waits for the server's acknowledgement. */
const ACK_TIMEOUT_MS = 10_000;

/** The sign-out message for the server's `session.ended` reason (a sentence such as "The account was locked"). */
export function sessionEndedMessage(reason: string | undefined): string {
  const text = reason?.trim();
  if (!text) return 'You were signed out.';
  const sentence = `${text}${/[.!?]$/.test(text) ? '' : '.'}`;
  return /signed out|sign in again/i.test(text) ? sentence : `You were signed out. ${sentence}`;
}

/**
 * The console's socket to the API: open while a user is signed in (with the current access
 * token on every connection), closed on sign-out. The server's `session.ended` signs out here.
 */
@Injectable({ providedIn: 'root' })
export class ConsoleSocket {
  private readonly auth = inject(AuthService);
  private socket?: Socket<ConsoleServerEvents, ConsoleClientEvents>;

  constructor() {
    effect(() => {
      const signedIn = this.auth.signedIn();
      untracked(() => (signedIn ? this.open() : this.close()));
    });
  }

  /** The server's events of one kind, for as long as the subscription lasts. */
  on<E extends keyof ConsoleServerEvents>(event: E): Observable<Payload<E>> {
    return new Observable<Payload<E>>((subscriber) => {
      const socket = this.open();
      const handler = (payload: Payload<E>) => subscriber.next(payload);
      socket.on(event, handler as never);
      return () => socket.off(event, handler as never);
    });
  }

  /** Whether the socket is connected now (actions sent while it is not wait for the reconnection). */
  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /**
   * Sends an action and resolves with the server's acknowledgement; without one in time it
   * resolves with a failure (the server may still have done it: actions carry ids to retry with).
   */
  request<E extends SocketAction>(event: E, request: ActionRequest<E>, timeoutMs = ACK_TIMEOUT_MS): Promise<ActionResult<E>> {
    const socket = this.open().timeout(timeoutMs) as unknown as { emit(event: string, ...args: unknown[]): void };
    return new Promise((resolve) => {
      socket.emit(event, request, (error: Error | null, result: ActionResult<E>) => {
        if (!error) return resolve(result);
        resolve({ ok: false, error: { statusCode: 0, code: ErrorCode.Internal, message: 'The server did not answer in time. Try again.' } } as ActionResult<E>);
      });
    });
  }

  /** Sends a signal the server does not answer; dropped while disconnected (a stale one would mislead). */
  signal<E extends SocketSignal>(event: E, payload: SignalPayload<E>): void {
    const socket = this.socket as unknown as { connected: boolean; emit(event: string, ...args: unknown[]): void } | undefined;
    if (socket?.connected) socket.emit(event, payload);
  }

  /** Resolves when the socket is connected, or after `timeoutMs` (events may then be missed). */
  ready(timeoutMs = 3000): Promise<boolean> {
    const socket = this.open();
    if (socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private open(): Socket<ConsoleServerEvents, ConsoleClientEvents> {
    if (this.socket) return this.socket;
    const socket: Socket<ConsoleServerEvents, ConsoleClientEvents> = io(CONSOLE_NAMESPACE, {
      auth: (cb) => cb({ token: this.auth.token }),
      transports: ['websocket'],
    });
    socket.on('session.ended', ({ reason }) => {
      if (this.socket === socket) this.auth.endSession(sessionEndedMessage(reason));
    });
    socket.on('connect_error', (error: Error & { data?: SocketConnectError }) => {
      // A refused handshake (expired token) is not retried by socket.io: renew the token, then connect again.
      if (socket.active || error.data?.code !== ErrorCode.Unauthenticated) return;
      const refused = this.auth.token;
      void this.auth.refresh().then((ok) => {
        if (ok && this.socket === socket && this.auth.token !== refused) socket.connect();
      });
    });
    this.socket = socket;
    return socket;
  }

  private close(): void {
    this.socket?.disconnect();
    this.socket = undefined;
  }
}
