import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DatabaseHandle } from '../lib/database-handle';
import { openDatabase } from '../lib/open-database';

/** Where a test's database lives: a temporary DATA_DIR, plus a fresh server database in server mode. */
export interface TestDatabaseLocation {
  dataDir: string;
  /** Set in server mode (DATABASE_URL given to the test run): a database created for this test. */
  databaseUrl?: string;
  /** Drops the database and removes the folder. */
  dispose(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for one test: with DATABASE_URL set, a freshly created database on
 * that server; otherwise an embedded one in a temporary folder. Tests never see data another
 * test or an earlier run left.
 */
export async function createTestDatabaseLocation(): Promise<TestDatabaseLocation> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sb-test-'));
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) return { dataDir, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  const name = `sb_test_${randomUUID().replace(/-/g, '')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    async dispose() {
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** An opened database of its own for one test; closing it also disposes of it. */
export async function createTestDatabase(poolSize = 4): Promise<DatabaseHandle> {
  const location = await createTestDatabaseLocation();
  const handle = await openDatabase({ databaseUrl: location.databaseUrl, dataDir: location.dataDir, poolSize });
  return {
    ...handle,
    async close() {
      await handle.close();
      await location.dispose();
    },
  };
}
