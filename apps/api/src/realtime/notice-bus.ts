import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';

/** A console notice for every socket of one user, wherever it is connected. */
export interface UserNotice {
  userId: string;
  event: string;
  payload: unknown[];
  /** The socket that asked for the change: it has the answer in its acknowledgement already. */
  exceptSocket?: string;
}

/**
 * Carries user notices to the other API nodes: each node delivers to its own sockets, masking
 * per socket. A notice is published once (the socket.io adapter would publish a plain and a
 * masked copy), and the notices of one event-loop turn go out in one Redis write.
 */
export abstract class NoticeBus {
  /** Sends the notice to the other nodes (this node has delivered it already). */
  abstract publish(notice: UserNotice): void;
  /** Notices published by other nodes. */
  abstract onNotice(handler: (notice: UserNotice) => void): void;
}

/** One process (the embedded mode): there is no other node. */
export class LocalNoticeBus extends NoticeBus {
  publish(): void {
    // Nobody else to tell.
  }

  onNotice(): void {
    // Nothing ever arrives.
  }
}

/** Redis pub/sub on one channel; a message is `${nodeId}\n${JSON array of notices}`. */
export class RedisNoticeBus extends NoticeBus implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NoticeBus');
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly channel: string;
  private pending: UserNotice[] = [];
  private flushing: NodeJS.Immediate | null = null;
  private closing = false;
  private handler: (notice: UserNotice) => void = () => undefined;
  private readonly subscribed: Promise<unknown>;
  /** Tells this bus's own batches apart when they come back (two apps in one process each have their own). */
  private readonly nodeId = randomUUID();

  constructor(url: string, prefix: string) {
    super();
    this.channel = `${prefix}:console-notices`;
    this.pub = new Redis(url, { maxRetriesPerRequest: null });
    this.sub = this.pub.duplicate();
    this.sub.on('messageBuffer', (_channel: Buffer, message: Buffer) => this.received(message));
    // ioredis reconnects by itself; without a listener each failed attempt would be an unhandled 'error' event.
    for (const client of [this.pub, this.sub]) client.on('error', (error: Error) => this.closing || this.logger.warn(`Redis (socket notices): ${error.message}`));
    this.subscribed = this.sub.subscribe(this.channel);
    // Awaited at bootstrap; a failure when the node never got that far is not an unhandled rejection.
    this.subscribed.catch(() => undefined);
  }

  /** The node serves requests only once other nodes' notices reach it. */
  async onApplicationBootstrap(): Promise<void> {
    await this.subscribed;
  }

  publish(notice: UserNotice): void {
    this.pending.push(notice);
    this.flushing ??= setImmediate(() => this.flush());
  }

  onNotice(handler: (notice: UserNotice) => void): void {
    this.handler = handler;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.flushing) clearImmediate(this.flushing);
    this.flush();
    await Promise.all([this.pub, this.sub].map((client) => client.quit().catch(() => client.disconnect())));
  }

  private flush(): void {
    this.flushing = null;
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    // A notice that cannot be published is lost either way (the contact's data is stored); it is logged, never thrown.
    this.pub.publish(this.channel, `${this.nodeId}\n${JSON.stringify(batch)}`).catch((error: unknown) => {
      if (!this.closing) this.logger.warn(`${batch.length} socket notices were not published: ${(error as Error).message}`);
    });
  }

  private received(message: Buffer): void {
    const text = message.toString('utf8');
    const newline = text.indexOf('\n');
    // Our own batch comes back too: those sockets were served already.
    if (newline < 0 || text.slice(0, newline) === this.nodeId) return;
    let notices: UserNotice[];
    try {
      notices = JSON.parse(text.slice(newline + 1)) as UserNotice[];
    } catch {
      return this.logger.warn('Ignored a malformed socket notice batch');
    }
    for (const notice of notices) this.handler(notice);
  }
}
