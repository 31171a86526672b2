import { Validators, type NonNullableFormBuilder } from '@angular/forms';
import { Role, type SecuritySettings } from '@switchboard/contracts';

const INTEGER = Validators.pattern(/^\d+$/);
const COUNT = [Validators.required, Validators.min(0), INTEGER];

export const SETTINGS_ROLES: readonly Role[] = [Role.Admin, Role.Supervisor, Role.Agent];

/**
 * The security settings form. Its names are the API's, so a field the server names in an error
 * (`minLength`, `mfaRequiredRoles`) is `form.get(field)`; the roles are one checkbox each.
 */
export function securitySettingsForm(fb: NonNullableFormBuilder) {
  return fb.group({
    suiteEnabled: [true],
    minLength: [8, [Validators.required, Validators.min(8), Validators.max(64), INTEGER]],
    compositionRule: [true],
    maxFailedAttempts: [5, COUNT],
    lockoutMinutes: [15, COUNT],
    passwordExpiryDays: [0, COUNT],
    mfaRequiredRoles: fb.group({ admin: [false], supervisor: [false], agent: [false] }),
    maskVisibleCharacters: [4, COUNT],
  });
}

export type SecuritySettingsForm = ReturnType<typeof securitySettingsForm>;

export function fillSecuritySettingsForm(form: SecuritySettingsForm, settings: SecuritySettings): void {
  form.reset({
    ...settings,
    mfaRequiredRoles: { admin: settings.mfaRequiredRoles.includes(Role.Admin), supervisor: settings.mfaRequiredRoles.includes(Role.Supervisor), agent: settings.mfaRequiredRoles.includes(Role.Agent) },
  });
}

export function securitySettingsRequest(form: SecuritySettingsForm): SecuritySettings {
  const value = form.getRawValue();
  return {
    suiteEnabled: value.suiteEnabled,
    minLength: Number(value.minLength),
    compositionRule: value.compositionRule,
    maxFailedAttempts: Number(value.maxFailedAttempts),
    lockoutMinutes: Number(value.lockoutMinutes),
    passwordExpiryDays: Number(value.passwordExpiryDays),
    mfaRequiredRoles: SETTINGS_ROLES.filter((role) => value.mfaRequiredRoles[role]),
    maskVisibleCharacters: Number(value.maskVisibleCharacters),
  };
}
