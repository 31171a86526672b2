import { Injectable } from '@nestjs/common';
import { AuditService, setRequestActor } from '@switchboard/audit';
import { AuditAction, type CurrentUser, type LoginResult, type SecuritySettings, type SignedIn } from '@switchboard/contracts';
import { staffUserFromJson, UsersService, type StaffUser } from '@switchboard/staff';
import { Clock } from './clock';
import { CredentialsService } from './credentials.service';
import { currentClient } from './login/client-info';
import { LoginThrottleService } from './login/login-throttle.service';
import { PasswordGate, type GateOutcome } from './login/password-gate.service';
import { MfaService } from './mfa/mfa.service';
import { SecurityException } from './security.exception';
import { SessionsService } from './sessions/sessions.service';
import { SecuritySettingsService } from './settings/security-settings.service';
import { STEP_TOKEN_TTL_SECONDS, TokenService, type LoginStage } from './token.service';

/** A finished sign-in: the answer, and the refresh token the controller puts in the cookie. */
export interface SignInOutcome {
  result: LoginResult;
  refresh?: { token: string; expiresAt: Date };
}

/** What a valid access token stands for. */
export interface Authenticated {
  user: CurrentUser;
  sessionId: string;
}

const FAILURE_REASON: Record<Exclude<GateOutcome, 'ok'>, string> = { wrong: 'wrong password', locked: 'account locked', unknown: 'unknown login' };

/**
 * Sign-in from the first step to the session: password (throttled, lockout), then as needed a
 * new password when it expired, the MFA code, or MFA enrolment, each with a step token that
 * opens nothing else. Every outside failure is the same 401.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly credentials: CredentialsService,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsService,
    private readonly settings: SecuritySettingsService,
    private readonly throttle: LoginThrottleService,
    private readonly gate: PasswordGate,
    private readonly mfa: MfaService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async login(login: string, password: string): Promise<SignInOutcome> {
    const client = currentClient();
    await this.throttle.take(client.ip, login);
    const settings = await this.settings.get();
    const user = await this.users.findByLogin(login);
    const outcome = await this.gate.check(user, settings, () => this.credentials.verifyPassword(user?.id, password));
    if (outcome !== 'ok' || !user || user.disabled) {
      await this.failed(login, user, outcome === 'ok' ? 'account disabled' : FAILURE_REASON[outcome]);
      throw SecurityException.invalidCredentials();
    }
    await this.throttle.succeeded(client.ip, login);
    return this.next(user, settings, { mfaPassed: false });
  }

  /** The MFA step: a TOTP code or a recovery code; wrong codes count towards the lock. */
  async loginWithCode(stepToken: string, code: string): Promise<SignInOutcome> {
    const user = await this.stepUser(stepToken, 'mfa-required');
    const settings = await this.settings.get();
    let used: 'totp' | 'recovery' | null = null;
    const outcome = await this.gate.check(user, settings, async () => (used = await this.mfa.verify(user.id, code)) !== null);
    if (outcome !== 'ok') {
      await this.failed(user.username, user, outcome === 'locked' ? 'account locked' : 'wrong MFA code');
      throw SecurityException.invalidCredentials('Invalid code');
    }
    return this.next(user, settings, { mfaPassed: true, details: { mfa: used } });
  }

  /** The user of a step token at this stage, still allowed to sign in. */
  async stepUser(stepToken: string, stage: LoginStage): Promise<StaffUser> {
    const userId = await this.tokens.verifyStepToken(stepToken, stage);
    const user = await this.users.findById(userId);
    if (!user || user.disabled) throw SecurityException.unauthenticated('This sign-in step has expired; sign in again');
    return user;
  }

  /** What comes after a passed step: an expired password, the MFA code, MFA enrolment, or the session. */
  async next(user: StaffUser, settings: SecuritySettings, progress: { mfaPassed: boolean; details?: Record<string, unknown> }): Promise<SignInOutcome> {
    if (await this.passwordExpired(user.id, settings)) return this.step(user, 'password-expired');
    const mfaEnabled = await this.mfa.isEnabled(user.id);
    if (mfaEnabled && !progress.mfaPassed) return this.step(user, 'mfa-required');
    if (!mfaEnabled && mfaRequiredFor(user, settings)) return this.step(user, 'mfa-enrolment-required');
    return this.signIn(user, progress.details);
  }

  /** Opens a session: the access token in the answer, the refresh token for the cookie. */
  async signIn(user: StaffUser, details?: Record<string, unknown>): Promise<SignInOutcome & { result: SignedIn }> {
    const session = await this.sessions.create(user.id, currentClient());
    const actor = { id: user.id, name: user.username };
    await this.audit.record({ action: AuditAction.LoginSucceeded, actor, target: { type: 'agent', id: user.id, name: user.username }, details });
    return {
      result: {
        status: 'signed-in',
        accessToken: await this.tokens.issueAccessToken(user.id, user.role, session.sessionId),
        tokenType: 'Bearer',
        expiresIn: this.tokens.accessTokenTtlSeconds,
      },
      refresh: { token: session.refreshToken, expiresAt: session.expiresAt },
    };
  }

  /** A new access token for a refresh token (which is spent and replaced). */
  async refresh(refreshToken: string): Promise<SignInOutcome & { result: SignedIn }> {
    const rotated = await this.sessions.rotate(refreshToken);
    const user = await this.users.findById(rotated.userId);
    if (!user || user.disabled) {
      await this.sessions.revoke([rotated.sessionId], 'The account is no longer active');
      throw SecurityException.unauthenticated('The account is no longer active');
    }
    return {
      result: {
        status: 'signed-in',
        accessToken: await this.tokens.issueAccessToken(user.id, user.role, rotated.sessionId),
        tokenType: 'Bearer',
        expiresIn: this.tokens.accessTokenTtlSeconds,
      },
      refresh: { token: rotated.refreshToken, expiresAt: rotated.expiresAt },
    };
  }

  async passwordExpired(userId: string, settings: SecuritySettings): Promise<boolean> {
    const expiresAt = await this.passwordExpiresAt(userId, settings);
    return expiresAt !== null && expiresAt <= this.clock.now();
  }

  async passwordExpiresAt(userId: string, settings: SecuritySettings): Promise<Date | null> {
    if (!settings.suiteEnabled || settings.passwordExpiryDays <= 0) return null;
    const changedAt = await this.credentials.passwordChangedAt(userId);
    return changedAt ? new Date(changedAt.getTime() + settings.passwordExpiryDays * 86_400_000) : null;
  }

  /** The user and session of a valid access token whose session and account still stand. */
  async verify(accessToken: string): Promise<Authenticated> {
    const claims = await this.tokens.verifyAccessToken(accessToken);
    const standing = await this.sessions.standingWith(claims.sid, claims.sub, (q, name, id) => this.users.livePart(q, name, id));
    const { active } = standing;
    const user = standing.user ? staffUserFromJson(standing.user) : null;
    if (!active) throw SecurityException.unauthenticated('The session has ended; sign in again');
    if (!user || user.disabled) throw SecurityException.unauthenticated('The account is no longer active');
    const { id, username, email, fullName, role, permissions, toastPosition, maskSensitiveData } = user;
    setRequestActor({ id, name: username });
    return { user: { id, username, email, fullName, role, permissions, toastPosition, maskSensitiveData }, sessionId: claims.sid };
  }

  async authenticate(accessToken: string): Promise<CurrentUser> {
    return (await this.verify(accessToken)).user;
  }

  async recordLogout(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    const who = { id: userId, name: user?.username ?? userId };
    await this.audit.record({ action: AuditAction.Logout, actor: who, target: { type: 'agent', ...who } });
  }

  private async step(user: StaffUser, stage: LoginStage): Promise<SignInOutcome> {
    return { result: { status: stage, stepToken: await this.tokens.issueStepToken(user.id, stage), expiresIn: STEP_TOKEN_TTL_SECONDS } };
  }

  private async failed(login: string, user: StaffUser | null, reason: string): Promise<void> {
    await this.audit.record({
      action: AuditAction.LoginFailed,
      actor: null,
      target: user ? { type: 'agent', id: user.id, name: user.username } : { type: 'login', id: login.slice(0, 254), name: login.slice(0, 254) },
      details: { reason },
    });
  }
}

/** Whether the settings make this user's role use MFA. */
export function mfaRequiredFor(user: { role: StaffUser['role'] }, settings: SecuritySettings): boolean {
  return settings.suiteEnabled && settings.mfaRequiredRoles.includes(user.role);
}
