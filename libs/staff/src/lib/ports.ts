import type { ConsoleServerEvents } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';

/** Why this password may not be used by this person, or null when it may. */
export type PasswordRules = (password: string, person: { username: string; email: string }) => string | null;

/**
 * Passwords, as the staff module needs them, provided by the security module (which sits above
 * staff and registers this globally): staff never sees how a password is checked or hashed.
 */
export interface StaffCredentials {
  /** The password rules in force now (they follow the security settings). */
  passwordRules(): Promise<PasswordRules>;
  /** A strong random password that passes every rule. */
  generatePassword(): string;
  hashPassword(password: string): Promise<string>;
  /** Stores already-hashed passwords inside the caller's transaction. */
  storeHashes(manager: EntityManager, entries: readonly { userId: string; hash: string }[]): Promise<void>;
  /** Removes the credentials of deleted users inside the caller's transaction. */
  forget(manager: EntityManager, userIds: readonly string[]): Promise<void>;
  /** Ends every session of these users at once (their sockets included), e.g. on disable or role change. */
  endSessions(userIds: readonly string[], reason: string): Promise<void>;
}
export const STAFF_CREDENTIALS = Symbol('STAFF_CREDENTIALS');

/** Sends a socket event to every console a user has open (the kernel's realtime gateway). */
export interface UserNotifier {
  notifyUser<E extends keyof ConsoleServerEvents>(userId: string, event: E, ...payload: Parameters<ConsoleServerEvents[E]>): void;
  /** The user's "Mask Sensitive Data" changed: their open consoles receive contact data accordingly. */
  maskingChanged(userId: string, masked: boolean): Promise<void>;
}
export const USER_NOTIFIER = Symbol('USER_NOTIFIER');

export interface StaffOptions {
  /** Most active (not disabled) staff accounts; 0 = unlimited. */
  licenseSeats: number;
}
export const STAFF_OPTIONS = Symbol('STAFF_OPTIONS');
