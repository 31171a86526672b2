import type { StaffSummary } from '@switchboard/contracts';

/**
 * What the queues module needs to know about staff, provided by the staff module (which sits
 * above this one): who the users are. Deleted users are not found.
 */
export interface StaffDirectory {
  summaries(ids: readonly string[]): Promise<StaffSummary[]>;
}
export const STAFF_DIRECTORY = Symbol('STAFF_DIRECTORY');
