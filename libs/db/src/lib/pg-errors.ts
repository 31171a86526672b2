import type { SqlRunner } from './sql-statement';

/** PostgreSQL error codes the domain modules turn into 409 and 404 answers. */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

function pgError(error: unknown): { code?: string; constraint?: string } {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  return e?.driverError ?? e ?? {};
}

/** True when `error` is a unique violation (of `constraint`, when given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e.code === UNIQUE_VIOLATION && (constraint === undefined || e.constraint === constraint);
}

/** A deadlock or serialization failure: the transaction may simply be run again. */
export function isRetryableConflict(error: unknown): boolean {
  const code = pgError(error).code;
  return code === '40P01' || code === '40001';
}

export function isForeignKeyViolation(error: unknown): boolean {
  return pgError(error).code === FOREIGN_KEY_VIOLATION;
}


/**
 * The rows of an UPDATE or DELETE … RETURNING. TypeORM answers those as `[rows, count]` on
 * PostgreSQL (and plain rows for other statements); this hides the difference.
 */
export async function returningRows<T>(runner: SqlRunner, sql: string, parameters: unknown[]): Promise<T[]> {
  const result = (await runner.query(sql, parameters)) as [T[], number] | T[];
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
