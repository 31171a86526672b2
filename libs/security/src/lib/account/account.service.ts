import { Injectable } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import { AuditAction, DomainException, ErrorCode, invalidField, type AccountSecurity, type CurrentUser, type MfaSetup } from '@switchboard/contracts';
import { UsersService, type StaffUser } from '@switchboard/staff';
import type { EntityManager } from 'typeorm';
import { AuthService, mfaRequiredFor } from '../auth.service';
import { CredentialsService } from '../credentials.service';
import { PasswordGate } from '../login/password-gate.service';
import { MfaService } from '../mfa/mfa.service';
import { passwordProblem } from '../password-policy';
import { SecurityException } from '../security.exception';
import { SessionsService } from '../sessions/sessions.service';
import { SecuritySettingsService } from '../settings/security-settings.service';

const invalid = invalidField;

/**
 * What a signed-in user does to their own account. Each sensitive change asks for the password
 * again, through the same gate as sign-in (wrong answers count towards the lock).
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersService,
    private readonly credentials: CredentialsService,
    private readonly settings: SecuritySettingsService,
    private readonly gate: PasswordGate,
    private readonly mfa: MfaService,
    private readonly sessions: SessionsService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async security(user: CurrentUser): Promise<AccountSecurity> {
    const settings = await this.settings.get();
    const [mfaEnabled, recoveryCodesLeft, changedAt, expiresAt] = await Promise.all([
      this.mfa.isEnabled(user.id),
      this.mfa.recoveryCodesLeft(user.id),
      this.credentials.passwordChangedAt(user.id),
      this.auth.passwordExpiresAt(user.id, settings),
    ]);
    return {
      mfaEnabled,
      mfaRequired: mfaRequiredFor(user, settings),
      recoveryCodesLeft,
      passwordChangedAt: changedAt?.toISOString() ?? null,
      passwordExpiresAt: expiresAt?.toISOString() ?? null,
    };
  }

  /** Self-service change: the current password, then the new one under the rules. Ends the user's other sessions. */
  async changePassword(user: CurrentUser, currentPassword: string, newPassword: string, sessionId?: string): Promise<void> {
    await this.confirmPassword(user, currentPassword, 'currentPassword');
    await this.storeNewPassword(user, newPassword, 'newPassword');
    await this.sessions.revokeAllOf([user.id], 'Your password was changed; sign in again', sessionId);
  }

  /** Checks a new password against the rules and stores it (inside `manager`'s transaction when given); audited. */
  async storeNewPassword(user: { id: string; username: string; email: string }, password: string, field: string): Promise<void> {
    await this.checkNewPassword(user, password, field);
    await this.savePassword(user, password, AuditAction.PasswordChanged);
  }

  /**
   * Stores a password already checked with checkNewPassword, inside `manager`'s transaction when
   * given (and then touches nothing outside it: embedded PGlite has one session).
   */
  async savePassword(user: { id: string; username: string }, password: string, action: AuditAction, manager?: EntityManager): Promise<void> {
    await this.credentials.setPassword(user.id, password, manager);
    await this.audit.record({ action, target: { type: 'agent', id: user.id, name: user.username }, details: { by: 'self' } }, manager);
  }

  /** 400 naming `field` when the rules refuse the password. */
  async checkNewPassword(user: { username: string; email: string }, password: string, field: string): Promise<void> {
    const problem = passwordProblem(password, user, await this.settings.get());
    if (problem) throw invalid(field, problem);
  }

  async changeEmail(user: CurrentUser, password: string, email: string): Promise<CurrentUser> {
    await this.confirmPassword(user, password, 'password');
    const updated = await this.users.changeEmail(user.id, email);
    await this.audit.record({ action: AuditAction.EmailChanged, target: { type: 'agent', id: user.id, name: user.username }, details: { before: user.email, after: updated.email } });
    return { ...user, email: updated.email };
  }

  async setupMfa(user: CurrentUser, password: string): Promise<MfaSetup> {
    await this.confirmPassword(user, password, 'password');
    return this.mfa.setup(user.id, user.username);
  }

  /** Confirms enrolment with a code; answers the recovery codes (shown once). */
  async enableMfa(user: { id: string; username: string }, code: string): Promise<string[]> {
    const codes = await this.mfa.enable(user.id, code);
    if (!codes) throw invalid('code', 'This code is not right; type the current code of your app');
    await this.audit.record({ action: AuditAction.MfaEnabled, actor: { id: user.id, name: user.username }, target: { type: 'agent', id: user.id, name: user.username } });
    return codes;
  }

  async renewRecoveryCodes(user: CurrentUser, password: string): Promise<string[]> {
    await this.confirmPassword(user, password, 'password');
    if (!(await this.mfa.isEnabled(user.id))) throw new DomainException(ErrorCode.Conflict, 'Two-factor authentication is off');
    const codes = await this.mfa.renewRecoveryCodes(user.id);
    await this.audit.record({ action: AuditAction.MfaRecoveryCodesRenewed, target: { type: 'agent', id: user.id, name: user.username } });
    return codes;
  }

  async disableMfa(user: CurrentUser, password: string): Promise<void> {
    await this.confirmPassword(user, password, 'password');
    if (mfaRequiredFor(user, await this.settings.get())) {
      throw new DomainException(ErrorCode.Conflict, 'Two-factor authentication is required for your role; an administrator can reset it');
    }
    if (await this.mfa.disable(user.id)) {
      await this.audit.record({ action: AuditAction.MfaDisabled, target: { type: 'agent', id: user.id, name: user.username }, details: { by: 'self' } });
    }
  }

  /** 400 naming `field` for a wrong password; 401 once the account locks (its sessions are gone). */
  private async confirmPassword(user: CurrentUser, password: string, field: string): Promise<void> {
    const staff: StaffUser = { ...user, disabled: false };
    const outcome = await this.gate.check(staff, await this.settings.get(), () => this.credentials.verifyPassword(user.id, password));
    if (outcome === 'locked') throw SecurityException.unauthenticated('The account is locked');
    if (outcome !== 'ok') throw invalid(field, 'The password is not right');
  }
}
