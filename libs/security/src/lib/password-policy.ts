/** The longest password accepted (never truncated below this). */
export const PASSWORD_MAX_LENGTH = 1024;
export const PASSWORD_MIN_LENGTH = 8;

/**
 * Why a password may not be used, or null. The baseline every account gets (NIST SP 800-63B:
 * a minimum length, long passphrases welcome, not the person's own name); the configurable
 * security suite adds its rules on top.
 */
export function passwordProblem(password: string, person: { username: string; email: string }): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (password.length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const lower = password.toLowerCase();
  if (lower === person.username.toLowerCase() || lower === person.email.toLowerCase()) return 'password must not be the username or e-mail';
  return null;
}
