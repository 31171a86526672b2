import type { DataSource } from 'typeorm';

/** Arbitrary constant shared by every node: the advisory lock that serialises migrations. */
const MIGRATION_LOCK_ID = 7_342_001;

/**
 * Runs pending migrations, each in its own transaction. On a server database several nodes
 * may start at once, so they take turns under a session advisory lock held on one dedicated
 * connection; the embedded database belongs to one process and needs no lock. Returns the
 * names of the migrations that ran.
 */
export async function runMigrations(dataSource: DataSource, options: { lock: boolean } = { lock: true }): Promise<string[]> {
  if (!options.lock) return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lock.release();
  }
}
