import type { DatabaseHandle } from './database-handle';
import { startEmbeddedDatabase } from './embedded-database';
import { connectServerDatabase } from './server-database';

export interface DatabaseSettings {
  /** PostgreSQL server URL; when absent the embedded database under dataDir is used. */
  databaseUrl?: string;
  dataDir: string;
  poolSize: number;
}

/** Opens the server database when one is configured, the embedded one otherwise. */
export function openDatabase(settings: DatabaseSettings): Promise<DatabaseHandle> {
  return settings.databaseUrl
    ? connectServerDatabase(settings.databaseUrl, settings.poolSize)
    : startEmbeddedDatabase(settings.dataDir);
}
