import { effect, inject, Injectable } from '@angular/core';
import { CONSOLE_NAMESPACE, type ConsoleClientEvents, type ConsoleServerEvents } from '@switchboard/contracts';
import { Observable } from 'rxjs';
import { io, type Socket } from 'socket.io-client';
import { AuthService } from './auth.service';

type Payload<E extends keyof ConsoleServerEvents> = Parameters<ConsoleServerEvents[E]>[0];

/** The console's socket to the API: opened on first use with the access token, closed on sign-out. */
@Injectable({ providedIn: 'root' })
export class ConsoleSocket {
  private readonly auth = inject(AuthService);
  private socket?: Socket<ConsoleServerEvents, ConsoleClientEvents>;

  constructor() {
    effect(() => {
      if (!this.auth.signedIn()) this.close();
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
    this.socket ??= io(CONSOLE_NAMESPACE, { auth: (cb) => cb({ token: this.auth.token }), transports: ['websocket'] });
    return this.socket;
  }

  private close(): void {
    this.socket?.disconnect();
    this.socket = undefined;
  }
}
