import { Injectable } from '@nestjs/common';
import type { SecuritySettings } from '@switchboard/contracts';
import { returningRows } from '@switchboard/db';
import { DataSource } from 'typeorm';

/** An account's lock as the agent editor shows it. */
export interface LockState {
  locked: boolean;
  lockedUntil: Date | null;
  failedAttempts: number;
}

/** A lock whose end has passed no longer counts (and its attempts start again). */
const LOCK_OVER = 'c.locked_until is not null and c.locked_until <= $2';

/**
 * Failed sign-ins and the lock they lead to, counted in PostgreSQL so every node agrees. An
 * attempt is *reserved* before the password is even checked: under any concurrency no more
 * than `maxFailedAttempts` passwords are evaluated before the lock.
 */
@Injectable()
export class LockoutService {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether lockout applies under these settings. */
  static enabled(settings: SecuritySettings): boolean {
    return settings.suiteEnabled && settings.maxFailedAttempts > 0;
  }

  /** Takes one attempt; false when the account is locked or its attempts are used up. */
  async reserve(userId: string, settings: SecuritySettings, now: Date): Promise<boolean> {
    if (!LockoutService.enabled(settings)) return true;
    const rows = await returningRows<unknown>(this.dataSource, `update security_credentials c set
         failed_attempts = (case when ${LOCK_OVER} then 0 else c.failed_attempts end) + 1,
         locked_at = case when ${LOCK_OVER} then null else c.locked_at end,
         locked_until = case when ${LOCK_OVER} then null else c.locked_until end
       where c.user_id = $1
         and (c.locked_at is null or ${LOCK_OVER})
         and (c.failed_attempts < $3 or ${LOCK_OVER})
       returning c.failed_attempts`,
      [userId, now, settings.maxFailedAttempts]);
    return rows.length > 0;
  }

  /** Locks the account when its attempts are used up; true only for the call that locked it. */
  async lockIfExhausted(userId: string, settings: SecuritySettings, now: Date): Promise<boolean> {
    if (!LockoutService.enabled(settings)) return false;
    const until = settings.lockoutMinutes > 0 ? new Date(now.getTime() + settings.lockoutMinutes * 60_000) : null;
    const rows = await returningRows<unknown>(this.dataSource, `update security_credentials c set locked_at = $2, locked_until = $3
       where c.user_id = $1 and c.failed_attempts >= $4 and (c.locked_at is null or c.locked_until <= $2)
       returning c.user_id`,
      [userId, now, until, settings.maxFailedAttempts]);
    return rows.length > 0;
  }

  /** A right password: the count starts again. */
  async succeeded(userId: string): Promise<void> {
    await this.dataSource.query('update security_credentials set failed_attempts = 0 where user_id = $1 and locked_at is null', [userId]);
  }

  /** The administrator's unlock; true when the account was locked. */
  async unlock(userId: string, now: Date): Promise<boolean> {
    const rows = await returningRows<unknown>(this.dataSource, `update security_credentials c set failed_attempts = 0, locked_at = null, locked_until = null
       where c.user_id = $1 and c.locked_at is not null and (c.locked_until is null or c.locked_until > $2)
       returning c.user_id`,
      [userId, now]);
    await this.dataSource.query('update security_credentials set failed_attempts = 0 where user_id = $1', [userId]);
    return rows.length > 0;
  }

  async state(userId: string, now: Date): Promise<LockState> {
    const [row] = (await this.dataSource.query('select failed_attempts, locked_at, locked_until from security_credentials where user_id = $1', [
      userId,
    ])) as { failed_attempts: number; locked_at: Date | null; locked_until: Date | null }[];
    if (!row) return { locked: false, lockedUntil: null, failedAttempts: 0 };
    const locked = row.locked_at !== null && (row.locked_until === null || row.locked_until > now);
    return { locked, lockedUntil: locked ? row.locked_until : null, failedAttempts: locked || !row.locked_until ? row.failed_attempts : 0 };
  }
}
