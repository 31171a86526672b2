import { CHAT_NAMESPACE, type ChatReady, type ChatResult, type ChatVisit, type ChatVisitorIdentity, type SocketConnectError } from '@switchboard/contracts';
import { io, type Socket } from 'socket.io-client';
import type { TestApp } from './test-app';

/** A website visitor's widget, as a socket: what it received, and its requests with their acknowledgements. */
export interface Visitor {
  socket: Socket;
  ready: ChatReady;
  events: Array<{ event: string; payload: unknown }>;
  request<T>(event: string, payload?: unknown): Promise<ChatResult<T>>;
  /** The first event of that name (already received or coming) that matches. */
  next<T>(event: string, match?: (payload: T) => boolean, ms?: number): Promise<T>;
  stop(): void;
}

export interface VisitorOptions {
  origin: string;
  visitorToken?: string;
  pageUrl?: string;
  identity?: ChatVisitorIdentity;
  invitation?: string;
  visit?: ChatVisit;
}

function openSocket(app: TestApp, siteKey: string, options: VisitorOptions): Socket {
  return io(`${app.url}${CHAT_NAMESPACE}`, {
    auth: { siteKey, visitorToken: options.visitorToken, pageUrl: options.pageUrl, identity: options.identity, invitation: options.invitation, visit: options.visit },
    transports: ['websocket'],
    extraHeaders: { Origin: options.origin },
    reconnection: false,
    // Its own connection: a shared one would carry another socket's handshake headers (no Origin).
    forceNew: true,
  });
}

/** Opens the widget's socket for a site; resolves on `chat.ready`. */
export function connectVisitor(app: TestApp, siteKey: string, options: VisitorOptions): Promise<Visitor> {
  const socket = openSocket(app, siteKey, options);
  const events: Visitor['events'] = [];
  const waiters: Array<{ event: string; match: (payload: unknown) => boolean; resolve: (payload: unknown) => void }> = [];
  socket.onAny((event: string, payload: unknown) => {
    events.push({ event, payload });
    for (const waiter of [...waiters]) {
      if (waiter.event === event && waiter.match(payload)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(payload);
      }
    }
  });
  const visitor: Omit<Visitor, 'ready'> = {
    socket,
    events,
    request: <T>(event: string, payload: unknown = {}) => socket.timeout(5000).emitWithAck(event, payload) as Promise<ChatResult<T>>,
    next<T>(event: string, match: (payload: T) => boolean = () => true, ms = 5000): Promise<T> {
      const seen = events.find((e) => e.event === event && match(e.payload as T));
      if (seen) return Promise.resolve(seen.payload as T);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`visitor: no ${event} within ${ms} ms`)), ms);
        waiters.push({ event, match: match as (payload: unknown) => boolean, resolve: (payload) => (clearTimeout(timer), resolve(payload as T)) });
      });
    },
    stop: () => socket.disconnect(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error: Error & { data?: SocketConnectError }) => {
      // A refused namespace leaves the engine's connection open: close it.
      socket.disconnect();
      reject(Object.assign(error, { code: error.data?.code }));
    });
    visitor.next<ChatReady>('chat.ready').then((ready) => resolve({ ...visitor, ready }), reject);
  });
}

/** The error code a refused handshake carries. */
export async function refusedCode(app: TestApp, siteKey: string, options: VisitorOptions): Promise<string | undefined> {
  try {
    const visitor = await connectVisitor(app, siteKey, options);
    visitor.stop();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}
