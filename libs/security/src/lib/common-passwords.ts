import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let common: Set<string> | undefined;

/** The shipped list of the 10,000 most common passwords (src/data), loaded once. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(join(__dirname, '..', 'data', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

/**
 * True when the whole password, ignoring case, is on the list. Deliberately exact: stripping
 * digits and symbols to catch variants ("Password1!" → "password") would also refuse many good
 * passphrases; the composition rule and the length do that work (see README).
 */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}
