import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { DatabaseHandle } from './database-handle';

/**
 * Starts PGlite persisted under `<dataDir>/pgdata` and exposes it on a loopback port through
 * pglite-socket, so TypeORM talks to it with the ordinary `pg` driver.
 *
 * PGlite is one session, and pglite-socket interleaves the extended-protocol messages
 * (Parse/Bind/Execute) of concurrent connections into it outside transactions, so two
 * overlapping queries can bind each other's statement (electric-sql/pglite#1046). The pool
 * therefore has one connection: queries queue in `pg` instead, which costs nothing since PGlite
 * runs one query at a time anyway. As before, code inside a transaction must use only that
 * transaction's manager.
 */
export const EMBEDDED_POOL_SIZE = 1;

export async function startEmbeddedDatabase(dataDir: string): Promise<DatabaseHandle> {
  const directory = join(dataDir, 'pgdata');
  await mkdir(directory, { recursive: true });
  const db = await PGlite.create(directory);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: EMBEDDED_POOL_SIZE + 2 });
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
    poolSize: EMBEDDED_POOL_SIZE,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
