import { isRetryableConflict } from '@switchboard/db';
import type { DataSource, EntityManager } from 'typeorm';

/** Attempts in all for a transaction PostgreSQL ended as a deadlock or serialization failure. */
const ATTEMPTS = 5;

/**
 * Runs a transaction, again when PostgreSQL chose it as a deadlock's victim (locks taken by
 * concurrent offers, accepts and releases on several nodes can cross); the retry is safe because
 * the failed attempt was rolled back whole.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
