import { Injectable } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import { AuditAction, type SecuritySettings } from '@switchboard/contracts';
import type { StaffUser } from '@switchboard/staff';
import { Clock } from '../clock';
import { PasswordHasher } from '../password-hasher';
import { SessionsService } from '../sessions/sessions.service';
import { LockoutService } from './lockout.service';

/** How a guarded check ended; only the server ever sees the difference. */
export type GateOutcome = 'ok' | 'wrong' | 'locked' | 'unknown';

/**
 * Every secret a user proves (password at sign-in or before a sensitive change, MFA code) goes
 * through here: one attempt is reserved first, a wrong answer may lock the account, and
 * locking ends the user's sessions. Unknown users and refused attempts still spend the time of
 * one password hash, so the answer's timing tells nothing.
 */
@Injectable()
export class PasswordGate {
  constructor(
    private readonly lockout: LockoutService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async check(user: StaffUser | null, settings: SecuritySettings, attempt: () => Promise<boolean>): Promise<GateOutcome> {
    if (!user) {
      await this.hasher.verifyNothing('');
      return 'unknown';
    }
    if (!(await this.lockout.reserve(user.id, settings, this.clock.now()))) {
      await this.hasher.verifyNothing('');
      await this.lockIfExhausted(user, settings);
      return 'locked';
    }
    if (await attempt()) {
      await this.lockout.succeeded(user.id);
      return 'ok';
    }
    await this.lockIfExhausted(user, settings);
    return 'wrong';
  }

  private async lockIfExhausted(user: StaffUser, settings: SecuritySettings): Promise<void> {
    if (!(await this.lockout.lockIfExhausted(user.id, settings, this.clock.now()))) return;
    await this.audit.record({
      action: AuditAction.AccountLocked,
      actor: null,
      target: { type: 'agent', id: user.id, name: user.username },
      details: { failedAttempts: settings.maxFailedAttempts, lockoutMinutes: settings.lockoutMinutes },
    });
    await this.sessions.revokeAllOf([user.id], 'The account was locked after too many failed attempts');
  }
}
