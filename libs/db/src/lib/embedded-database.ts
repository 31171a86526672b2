import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { DatabaseHandle } from './database-handle';

/**
 * Starts PGlite persisted under `<dataDir>/pgdata` and exposes it on a loopback port through
 * pglite-socket, so TypeORM talks to it with the ordinary `pg` driver.
 *
 * PGlite is one session: the socket server queues every query, and a transaction held by one
 * connection makes the others wait. `maxConnections` must cover the pool (plus one for the
 * migration lock) or extra connections are cut off.
 */
export async function startEmbeddedDatabase(dataDir: string, poolSize: number): Promise<DatabaseHandle> {
  const directory = join(dataDir, 'pgdata');
  await mkdir(directory, { recursive: true });
  const db = await PGlite.create(directory);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: poolSize + 2 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  const [host, port] = server.getServerConn().split(':');
  return {
    kind: 'pglite',
    url: `postgres://postgres@${host}:${port}/postgres`,
    poolSize,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
