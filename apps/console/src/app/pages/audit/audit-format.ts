import { AuditAction, type AuditEntry } from '@switchboard/contracts';

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  [AuditAction.LoginSucceeded]: 'Sign-in',
  [AuditAction.LoginFailed]: 'Failed sign-in',
  [AuditAction.Logout]: 'Sign-out',
  [AuditAction.AccountLocked]: 'Account locked',
  [AuditAction.AccountUnlocked]: 'Account unlocked',
  [AuditAction.AccountDisabled]: 'Account disabled',
  [AuditAction.AccountEnabled]: 'Account enabled',
  [AuditAction.SessionsRevoked]: 'Sessions ended',
  [AuditAction.RefreshTokenReused]: 'Refresh token reused',
  [AuditAction.PasswordChanged]: 'Password changed',
  [AuditAction.PasswordResetRequested]: 'Password reset requested',
  [AuditAction.PasswordReset]: 'Password reset',
  [AuditAction.EmailChanged]: 'E-mail changed',
  [AuditAction.MfaEnabled]: 'MFA enabled',
  [AuditAction.MfaDisabled]: 'MFA disabled',
  [AuditAction.MfaRecoveryCodesRenewed]: 'Recovery codes renewed',
  [AuditAction.RoleChanged]: 'Role changed',
  [AuditAction.PermissionsChanged]: 'Permissions changed',
  [AuditAction.MaskingChanged]: 'Masking changed',
  [AuditAction.AgentCreated]: 'Agent created',
  [AuditAction.AgentDeleted]: 'Agent deleted',
  [AuditAction.AgentsImported]: 'Agents imported',
  [AuditAction.SettingsChanged]: 'Settings changed',
  [AuditAction.Exported]: 'Export',
  [AuditAction.PresenceSet]: 'Status set by supervisor',
  [AuditAction.RoutingRuleSaved]: 'Routing rule saved',
  [AuditAction.RoutingRuleDeleted]: 'Routing rule deleted',
  [AuditAction.RoutingChanged]: 'Routing settings changed',
  [AuditAction.BlacklistSaved]: 'Blacklist entry saved',
  [AuditAction.BlacklistDeleted]: 'Blacklist entry deleted',
  [AuditAction.SiteSaved]: 'Site saved',
  [AuditAction.SiteDeleted]: 'Site deleted',
  [AuditAction.SiteKeyRenewed]: 'Site key renewed',
  [AuditAction.SiteIdentitySecretRenewed]: 'Site identity secret renewed',
  [AuditAction.LayoutSaved]: 'Chat layout saved',
  [AuditAction.LayoutDeleted]: 'Chat layout deleted',
};

/** The label of an action, or the action itself for one this console does not know yet. */
export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action as AuditAction] ?? action;
}

const SUMMARY_LIMIT = 120;

function short(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * One line about the details: the fields a before/after pair changed ("minLength: 8 → 12"),
 * or the details' own fields ("reason: bad-password"). Plain text; the template escapes it.
 */
export function detailsSummary(entry: AuditEntry): string {
  const details = entry.details;
  if (!details) return '';
  const { before, after, ...rest } = details as { before?: unknown; after?: unknown } & Record<string, unknown>;
  const parts: string[] = [];
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    const was = before as Record<string, unknown>;
    const now = after as Record<string, unknown>;
    for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (JSON.stringify(was[key]) !== JSON.stringify(now[key])) parts.push(`${key}: ${short(was[key])} → ${short(now[key])}`);
    }
  } else if (before !== undefined || after !== undefined) {
    parts.push(`${short(before)} → ${short(after)}`);
  }
  for (const [key, value] of Object.entries(rest)) parts.push(`${key}: ${short(value)}`);
  const text = parts.join('; ');
  return text.length > SUMMARY_LIMIT ? `${text.slice(0, SUMMARY_LIMIT - 1)}…` : text;
}

/** `YYYY-MM-DD` of a date input as the instant of that local midnight, `days` later. */
export function dayStart(day: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).toISOString();
}
