import type { LoginStep } from '@switchboard/contracts';

/** A login step the server asked for, with the time its step token stops working. */
export interface PendingStep extends LoginStep {
  expiresAt: number;
}

export function pending(step: LoginStep): PendingStep {
  return { ...step, expiresAt: Date.now() + step.expiresIn * 1000 };
}

/** The step token no longer works: the user starts again from the password. */
export function stepExpired(step: PendingStep): boolean {
  return Date.now() >= step.expiresAt;
}

export const STEP_EXPIRED = 'The sign-in took too long. Sign in again.';
