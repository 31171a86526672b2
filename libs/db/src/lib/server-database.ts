import { Client } from 'pg';
import type { DatabaseHandle } from './database-handle';

/** Removes the password from a connection URL so it can be printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}

/**
 * Checks that PostgreSQL at `url` answers before anything else starts, so a wrong
 * DATABASE_URL stops the process with one clear line instead of a retry loop.
 */
export async function connectServerDatabase(url: string, poolSize: number, timeoutMs = 5000): Promise<DatabaseHandle> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const reason = (error as Error).message || (error as { code?: string }).code || String(error);
    throw new Error(`DATABASE_URL: cannot connect to ${redactUrl(url)}: ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  return { kind: 'postgres', url, poolSize, close: async () => undefined };
}
