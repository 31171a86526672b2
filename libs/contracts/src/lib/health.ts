export type DependencyStatus = 'up' | 'down';

export interface DependencyHealth {
  status: DependencyStatus;
  /** e.g. `pglite` (embedded) or `postgres` (server) for the database. */
  kind?: string;
  message?: string;
}

/** `GET /api/health`: 200 when every dependency is up, 503 otherwise. */
export interface HealthResponse {
  status: 'ok' | 'error';
  mode: 'embedded' | 'server';
  version: string;
  details: Record<string, DependencyHealth>;
}
