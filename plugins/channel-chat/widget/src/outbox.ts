import type { ChatSendRequest } from '@switchboard/contracts';
import { load, save } from './storage';

/** A message id of the widget's own: the server dedupes resends on it (/^[A-Za-z0-9_-]{1,64}$/). */
export function newClientId(): string {
  // randomUUID exists only on secure pages; getRandomValues everywhere.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What became of one send: `done` (stored, or refused for good) moves on; `retry` keeps it first in line. */
export type Outcome = 'done' | 'retry';

/**
 * The visitor's messages not yet acknowledged, oldest first. Kept in sessionStorage so that a
 * navigation in the middle of a send loses nothing (a resend of a message the server already has
 * stores nothing new). Sent one at a time, each after the previous one's acknowledgement, so the
 * server stores them in the order they were written.
 */
export class Outbox {
  items: ChatSendRequest[];
  private busy = false;

  constructor(private readonly key: string) {
    this.items = load<ChatSendRequest[]>('sessionStorage', key, []);
  }

  push(item: ChatSendRequest): void {
    this.items.push(item);
    this.save();
  }

  /** Drops the given messages (acknowledged, or already in the server's copy of the conversation). */
  drop(clientIds: ReadonlySet<string>): void {
    this.items = this.items.filter((item) => !clientIds.has(item.clientId));
    this.save();
  }

  clear(): void {
    this.items = [];
    this.save();
  }

  /** Sends what is queued until the queue is empty or a send says `retry` (the caller calls flush again later). */
  async flush(send: (item: ChatSendRequest) => Promise<Outcome>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let item = this.items[0]; item; item = this.items[0]) {
        if ((await send(item)) === 'retry') break;
        this.drop(new Set([item.clientId]));
      }
    } finally {
      this.busy = false;
    }
  }

  private save(): void {
    save('sessionStorage', this.key, this.items.length ? this.items : null);
  }
}
