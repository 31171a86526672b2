import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openDatabase } from './open-database';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('openDatabase', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sb-db-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the embedded database to the pg driver and keeps its data across a restart', async () => {
    const first = await openDatabase({ dataDir, poolSize: 2 });
    expect(first.kind).toBe('pglite');
    await query(first.url, 'create table kept (v text)');
    await query(first.url, "insert into kept values ('still here')");
    await first.close();

    const second = await openDatabase({ dataDir, poolSize: 2 });
    try {
      expect(await query(second.url, 'select v from kept')).toEqual([{ v: 'still here' }]);
    } finally {
      await second.close();
    }
  });

  it('refuses an unreachable DATABASE_URL with one line that names it and hides the password', async () => {
    const attempt = openDatabase({ databaseUrl: 'postgres://app:s3cret@127.0.0.1:1/nowhere', dataDir, poolSize: 2 });
    await expect(attempt).rejects.toThrow(/^DATABASE_URL: cannot connect to postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/nowhere: /);
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});
