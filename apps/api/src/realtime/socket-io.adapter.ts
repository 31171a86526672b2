import type { INestApplicationContext } from '@nestjs/common';
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
      const sub = pub.duplicate();
      this.clients.push(pub, sub);
      server.adapter(createAdapter(pub, sub, { key: `${this.redis.prefix}:socket.io` }));
    }
    return server;
  }

  /** Nest calls this on close, after the socket servers: closes the Redis connections. */
  override async dispose(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.quit().catch(() => client.disconnect())));
    this.clients = [];
  }
}
