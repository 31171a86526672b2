import { effect, inject, Injectable, untracked } from '@angular/core';
import { CONSOLE_NAMESPACE, ErrorCode, type ConsoleClientEvents, type ConsoleServerEvents, type SocketConnectError } from '@switchboard/contracts';
import { Observable } from 'rxjs';
import { io, type Socket } from 'socket.io-client';
import { AuthService } from './auth.service';

type Payload<E extends keyof ConsoleServerEvents> = Parameters<ConsoleServerEvents[E]>[0];

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
