/** The database the process runs on, opened before Nest starts and closed after it stops. */
export interface DatabaseHandle {
  /** `pglite`: embedded PostgreSQL in WebAssembly under DATA_DIR; `postgres`: a server from DATABASE_URL. */
  kind: 'pglite' | 'postgres';
  /** A `pg` connection URL; for the embedded database it points at the local pglite-socket. */
  url: string;
  /** Connections the pool may open. */
  poolSize: number;
  close(): Promise<void>;
}

/** The injection token of the DatabaseHandle. */
export const DATABASE_HANDLE = Symbol('switchboard:DatabaseHandle');
