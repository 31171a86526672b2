import { isRetryableConflict } from '@switchboard/db';
import type { DataSource, EntityManager } from 'typeorm';

/** Attempts in all for work PostgreSQL ended as a deadlock or serialization failure. */
const ATTEMPTS = 5;

/**
 * Runs work (a transaction, or one statement, which is a transaction of its own) again when
 * PostgreSQL chose it as a deadlock's victim (locks taken by concurrent offers, accepts and
 * releases on several nodes can cross); the retry is safe because the failed attempt was rolled
 * back whole.
 */
export async function retryingConflicts<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}

/** A transaction of several statements, retried as `retryingConflicts` says. */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return retryingConflicts(() => dataSource.transaction(work));
}
