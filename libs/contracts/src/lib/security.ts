import type { Role } from './auth';
import type { Page } from './paging';

/** `GET/PUT /api/v1/settings/security` (admin only; every change is audited with before/after). */
export interface SecuritySettings {
  /** The seed's "Security Suite": composition rule, lockout, expiry and required MFA apply only when on. */
  suiteEnabled: boolean;
  /** Fewest characters (Unicode code points) a password may have; 8 to 64. */
  minLength: number;
  /** With the suite on: a lower-case and an upper-case letter, a digit and one of PASSWORD_SPECIALS. */
  compositionRule: boolean;
  /** Failed sign-ins in a row before the account locks; 0 = never lock. */
  maxFailedAttempts: number;
  /** How long a lock lasts in minutes; 0 = until an administrator unlocks the account. */
  lockoutMinutes: number;
  /** Days after which a password must be changed at sign-in; 0 = never. */
  passwordExpiryDays: number;
  /** Roles that must use MFA; a user of these roles without MFA enrols at the next sign-in. */
  mfaRequiredRoles: Role[];
  /** Masking keeps this many characters visible at the end ("*******4567"); the rest become `*`. */
  maskVisibleCharacters: number;
}

/** The seed's special characters for the composition rule. */
export const PASSWORD_SPECIALS = '~!@#$%^&-_=+[{]}';

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  suiteEnabled: true,
  minLength: 8,
  compositionRule: true,
  maxFailedAttempts: 5,
  lockoutMinutes: 15,
  passwordExpiryDays: 0,
  mfaRequiredRoles: [],
  maskVisibleCharacters: 4,
};

/** The answer of `POST /api/v1/auth/login` (and of each following login step) once signed in. */
export interface SignedIn {
  status: 'signed-in';
  accessToken: string;
  tokenType: 'Bearer';
  /** Lifetime of the access token in seconds; renew it with `POST /api/v1/auth/refresh`. */
  expiresIn: number;
}

/**
 * A login that needs one more step. `stepToken` opens only the matching step endpoint:
 * - `mfa-required`: `POST /api/v1/auth/login/mfa` `{ stepToken, code }` (TOTP or recovery code);
 * - `mfa-enrolment-required`: `POST /api/v1/auth/login/mfa/setup` `{ stepToken }` then
 *   `POST /api/v1/auth/login/mfa/enable` `{ stepToken, code }`;
 * - `password-expired`: `POST /api/v1/auth/login/password` `{ stepToken, newPassword }`.
 */
export interface LoginStep {
  status: 'mfa-required' | 'mfa-enrolment-required' | 'password-expired';
  stepToken: string;
  /** Seconds the step token stays valid. */
  expiresIn: number;
}

export type LoginResult = SignedIn | LoginStep;

/** `POST /api/v1/auth/login/mfa/enable` during enrolment: signed in, with the recovery codes shown once. */
export type SignedInWithRecoveryCodes = SignedIn & { recoveryCodes: string[] };

/** `POST /api/v1/auth/mfa/setup` (or the login step): what the authenticator app needs. */
export interface MfaSetup {
  /** Base32 secret, for typing in by hand. */
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a PNG data URL. */
  qrCodeDataUrl: string;
}

/** `GET /api/v1/auth/account`: the signed-in user's own security state. */
export interface AccountSecurity {
  mfaEnabled: boolean;
  /** True when the settings require MFA for this user's role (they may not turn it off). */
  mfaRequired: boolean;
  recoveryCodesLeft: number;
  passwordChangedAt: string | null;
  /** When the password must be changed, or null when it does not expire. */
  passwordExpiresAt: string | null;
}

/** `GET/PATCH /api/v1/agents/:id/security` (admins): the seed's "Security Suite" section of an agent. */
export interface AgentSecurity {
  userId: string;
  /** Locked after failed sign-ins; PATCH `{ locked: false }` unlocks. */
  locked: boolean;
  /** When the lock ends by itself; null while locked means until an administrator unlocks. */
  lockedUntil: string | null;
  failedAttempts: number;
  mfaEnabled: boolean;
  /** The seed's "last password reset time"; null before the first password. */
  passwordChangedAt: string | null;
  activeSessions: number;
}

/** A signed-in device. `GET /api/v1/sessions` (own) or `GET /api/v1/agents/:id/sessions` (admins). */
export interface SessionInfo {
  id: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  /** True for the session of the request that asks. */
  current: boolean;
}

/** `POST /api/v1/auth/password/forgot`: always 202 with the same body, whether the address exists or not. */
export interface ForgotPasswordRequest {
  email: string;
}

/** `POST /api/v1/auth/password/reset` with the token from the e-mailed link (`<PUBLIC_URL>/reset-password#token=…`). 204; does not sign in. */
export interface ResetPasswordRequest {
  token: string;
  password: string;
}

/** `PUT /api/v1/auth/password`: self-service change. 204; ends every other session of the user. */
export interface ChangeOwnPasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** `PUT /api/v1/auth/email`: self-service change; asks for the password again. */
export interface ChangeOwnEmailRequest {
  password: string;
  email: string;
}

/** Actions the audit log records. */
export const AuditAction = {
  LoginSucceeded: 'login.succeeded',
  LoginFailed: 'login.failed',
  Logout: 'logout',
  AccountLocked: 'account.locked',
  AccountUnlocked: 'account.unlocked',
  AccountDisabled: 'account.disabled',
  AccountEnabled: 'account.enabled',
  SessionsRevoked: 'sessions.revoked',
  RefreshTokenReused: 'session.refreshReused',
  PasswordChanged: 'password.changed',
  PasswordResetRequested: 'password.resetRequested',
  PasswordReset: 'password.reset',
  EmailChanged: 'email.changed',
  MfaEnabled: 'mfa.enabled',
  MfaDisabled: 'mfa.disabled',
  MfaRecoveryCodesRenewed: 'mfa.recoveryCodesRenewed',
  RoleChanged: 'agent.roleChanged',
  PermissionsChanged: 'agent.permissionsChanged',
  MaskingChanged: 'agent.maskingChanged',
  AgentCreated: 'agent.created',
  AgentDeleted: 'agent.deleted',
  AgentsImported: 'agents.imported',
  SettingsChanged: 'settings.changed',
  Exported: 'export',
  /** A supervisor or admin set another agent's status. */
  PresenceSet: 'presence.set',
  RoutingRuleSaved: 'routing.ruleSaved',
  RoutingRuleDeleted: 'routing.ruleDeleted',
  BlacklistSaved: 'blacklist.saved',
  BlacklistDeleted: 'blacklist.deleted',
  SiteSaved: 'site.saved',
  SiteDeleted: 'site.deleted',
  SiteKeyRenewed: 'site.keyRenewed',
  SiteIdentitySecretRenewed: 'site.identitySecretRenewed',
  LayoutSaved: 'layout.saved',
  LayoutDeleted: 'layout.deleted',
  RoutingChanged: 'routing.changed',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AuditAction);

/** One row of `GET /api/v1/audit` (admins). Rows are never changed or deleted. */
export interface AuditEntry {
  id: string;
  at: string;
  /** Who acted; null for an anonymous request (a failed login, a reset link). */
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: AuditAction;
  /** What was acted on, e.g. `{ type: 'agent', id, name }`. */
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  /** Before/after for settings, roles and permissions; reasons for failures; counts for exports. */
  details: Record<string, unknown> | null;
}

/** Query of `GET /api/v1/audit` and `GET /api/v1/audit/export` (CSV). */
export interface AuditQuery {
  page?: number;
  pageSize?: number;
  /** Free text over actor, target and IP. */
  q?: string;
  action?: AuditAction;
  actorId?: string;
  targetId?: string;
  /** ISO instants, inclusive `from`, exclusive `to`. */
  from?: string;
  to?: string;
  order?: 'asc' | 'desc';
}

export type AuditPage = Page<AuditEntry>;

/** A mail the server sent or, without SMTP_URL, keeps in the outbox (`GET /api/v1/mail/outbox`, admins). */
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  /** `outbox` = kept here for the console (no SMTP configured); `queued` for SMTP; `sent`; `failed` (see `error`). */
  status: 'outbox' | 'queued' | 'sent' | 'failed';
  error: string | null;
}
