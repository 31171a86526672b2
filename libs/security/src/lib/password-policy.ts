import { PASSWORD_SPECIALS, type SecuritySettings } from '@switchboard/contracts';
import { isCommonPassword } from './common-passwords';

/** The longest password accepted; every character counts (nothing is truncated). */
export const PASSWORD_MAX_LENGTH = 1024;

const SPECIALS = new Set(PASSWORD_SPECIALS);

/** The classes of the seed's composition rule that a password lacks, worded for a message. */
function missingClasses(password: string): string[] {
  const missing: string[] = [];
  if (!/\p{Ll}/u.test(password)) missing.push('a lower-case letter');
  if (!/\p{Lu}/u.test(password)) missing.push('an upper-case letter');
  if (!/\d/.test(password)) missing.push('a digit');
  if (![...password].some((c) => SPECIALS.has(c))) missing.push(`one of ${PASSWORD_SPECIALS}`);
  return missing;
}

/**
 * Why a password may not be used, or null. Always: the minimum length (in characters, so a
 * passphrase in any script counts fairly), at most 1024, not one of the 10,000 most common
 * passwords, not the person's username or e-mail. With the security suite on: the seed's
 * composition rule, unless the administrator turned it off (NIST SP 800-63B-4 advises against it).
 */
export function passwordProblem(password: string, person: { username: string; email: string }, settings: SecuritySettings): string | null {
  const length = [...password].length;
  if (length < settings.minLength) return `password must be at least ${settings.minLength} characters long`;
  if (password.length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  if (settings.suiteEnabled && settings.compositionRule) {
    const missing = missingClasses(password);
    if (missing.length) return `password must contain ${missing.join(', ')}`;
  }
  const lower = password.toLowerCase();
  if (lower === person.username.toLowerCase() || lower === person.email.toLowerCase()) return 'password must not be the username or e-mail';
  if (isCommonPassword(password)) return 'password is one of the 10,000 most common passwords; choose another';
  return null;
}
