import type { CreateAgentRequest, InboundRequest, InboundResponse, Offer, Presence } from '@switchboard/contracts';
import type { Socket } from 'socket.io-client';
import { connectConsole, nextEvent } from './security-fixtures';
import { as, createAgent, type Caller } from './staff-fixtures';
import type { TestApp } from './test-app';

/** An agent with a console socket open, and every offer the socket has received. */
export interface LiveAgent {
  id: string;
  username: string;
  caller: Caller;
  socket: Socket;
  offers: Offer[];
  /** Every event the socket received, in order, with its time. */
  events: Array<{ event: string; payload: unknown; at: number }>;
  /** Resolves with the first offer (already received or coming) that matches, or rejects after `ms`. */
  nextOffer(match?: (offer: Offer) => boolean, ms?: number): Promise<Offer>;
  stop(): void;
}

let contacts = 0;

/** Creates an agent, signs them in and opens their console; resolves once they are present (online, or paused with "login in pause"). */
export async function liveAgent(app: TestApp, admin: Caller, fields: Partial<CreateAgentRequest> = {}): Promise<LiveAgent> {
  const agent = await createAgent(admin, fields);
  return connectAgent(app, agent);
}

export async function connectAgent(app: TestApp, agent: { id: string; username: string; password: string }): Promise<LiveAgent> {
  const token = await app.login(agent.username, agent.password);
  const caller = as(app, token);
  const socket = connectConsole(app, token);
  const offers: Offer[] = [];
  const events: LiveAgent['events'] = [];
  const waiters: Array<{ match: (offer: Offer) => boolean; resolve: (offer: Offer) => void }> = [];
  socket.onAny((event: string, payload: unknown) => events.push({ event, payload, at: Date.now() }));
  socket.on('offer.new', (offer: Offer) => {
    offers.push(offer);
    for (const waiter of [...waiters]) {
      if (waiter.match(offer)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(offer);
      }
    }
  });
  const present = nextEvent<Presence>(socket, 'presence.changed');
  await nextEvent(socket, 'session.ready');
  await present;
  return {
    id: agent.id,
    username: agent.username,
    caller,
    socket,
    offers,
    events,
    nextOffer(match = () => true, ms = 5000) {
      const seen = offers.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${agent.username}: no matching offer within ${ms} ms`)), ms);
        waiters.push({ match, resolve: (offer) => (clearTimeout(timer), resolve(offer)) });
      });
    },
    stop: () => socket.disconnect(),
  };
}

/** Hands an inbound message to the kernel (a new contact unless `contactAddress` is given). */
export async function inbound(admin: Caller, fields: Partial<InboundRequest> = {}): Promise<InboundResponse> {
  const n = ++contacts;
  const { body } = await admin
    .post('/api/v1/interactions/inbound')
    .send({ channel: 'chat', accountId: 'site-1', contactAddress: `visitor-${n}-${Date.now()}`, body: `Hello ${n}`, externalMessageId: `m-${n}-${Date.now()}-${Math.random()}`, ...fields })
    .expect(201);
  return body;
}

/** Polls `check` until it passes or `ms` runs out (then throws its last error). */
export async function eventually(check: () => Promise<void> | void, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
