import { Injectable } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import { AuditAction, DomainException, ErrorCode, type AgentSecurity } from '@switchboard/contracts';
import { UsersService, type StaffUser } from '@switchboard/staff';
import { Clock } from '../clock';
import { CredentialsService } from '../credentials.service';
import { LockoutService } from '../login/lockout.service';
import { LoginThrottleService } from '../login/login-throttle.service';
import { MfaService } from '../mfa/mfa.service';
import { SessionsService } from '../sessions/sessions.service';

/** What an administrator does to another account's security: unlock, reset MFA, end sessions. */
@Injectable()
export class AgentSecurityService {
  constructor(
    private readonly users: UsersService,
    private readonly lockout: LockoutService,
    private readonly throttle: LoginThrottleService,
    private readonly mfa: MfaService,
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async user(id: string): Promise<StaffUser> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainException(ErrorCode.NotFound, 'Agent not found');
    return user;
  }

  async state(id: string): Promise<AgentSecurity> {
    await this.user(id);
    const [lock, mfaEnabled, changedAt, activeSessions] = await Promise.all([
      this.lockout.state(id, this.clock.now()),
      this.mfa.isEnabled(id),
      this.credentials.passwordChangedAt(id),
      this.sessions.countActive(id),
    ]);
    return {
      userId: id,
      locked: lock.locked,
      lockedUntil: lock.lockedUntil?.toISOString() ?? null,
      failedAttempts: lock.failedAttempts,
      mfaEnabled,
      passwordChangedAt: changedAt?.toISOString() ?? null,
      activeSessions,
    };
  }

  async unlock(id: string): Promise<void> {
    const user = await this.user(id);
    const wasLocked = await this.lockout.unlock(id, this.clock.now());
    await this.throttle.forgive([user.username, user.email]);
    if (wasLocked) await this.audit.record({ action: AuditAction.AccountUnlocked, target: target(user) });
  }

  async disableMfa(id: string): Promise<void> {
    const user = await this.user(id);
    if (await this.mfa.disable(id)) await this.audit.record({ action: AuditAction.MfaDisabled, target: target(user), details: { by: 'admin' } });
  }

  async endSessions(id: string): Promise<void> {
    const user = await this.user(id);
    await this.sessions.revokeAllOf([id], 'An administrator ended your sessions');
    await this.audit.record({ action: AuditAction.SessionsRevoked, target: target(user), details: { all: true } });
  }
}

const target = (user: StaffUser) => ({ type: 'agent', id: user.id, name: user.username });
