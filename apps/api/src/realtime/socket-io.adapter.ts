import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io for the API: in-memory in the embedded mode; with REDIS_URL, the Redis adapter, so
 * an event emitted on one node reaches sockets connected to any node.
 */
export class SocketIoAdapter extends IoAdapter {
  private clients: Redis[] = [];
  private closing = false;
  private readonly logger = new Logger('SocketIoAdapter');

  constructor(
    app: INestApplicationContext,
    private readonly redis?: { url: string; prefix: string },
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, serveClient: false }) as Server;
    if (this.redis) {
      const pub = new Redis(this.redis.url, { maxRetriesPerRequest: null });
      this.catchPublishFailures(pub);
      const sub = pub.duplicate();
      this.clients.push(pub, sub);
      server.adapter(createAdapter(pub, sub, { key: `${this.redis.prefix}:socket.io` }));
    }
    return server;
  }

  /**
   * The adapter never handles a failed publish, so a Redis outage (or a notice sent while the
   * node shuts down and the client is closed) would be an unhandled rejection that ends the
   * process. Such a notice is lost either way; it is logged instead.
   */
  private catchPublishFailures(pub: Redis): void {
    const publish = pub.publish.bind(pub) as (channel: string, message: string | Buffer) => Promise<number>;
    (pub as { publish: unknown }).publish = (channel: string, message: string | Buffer) =>
      publish(channel, message).catch((error: unknown) => {
        if (!this.closing) this.logger.warn(`A socket notice was not published: ${(error as Error).message}`);
        return 0;
      });
  }

  /** Nest calls this on close, after the socket servers: closes the Redis connections. */
  override async dispose(): Promise<void> {
    this.closing = true;
    await Promise.all(this.clients.map((client) => client.quit().catch(() => client.disconnect())));
    this.clients = [];
  }
}
