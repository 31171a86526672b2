/** A narrow no-break space: groups digits the same in every language, and never wraps a number. */
const GROUP_SEPARATOR = '\u202f';

/**
 * A range's address count (a decimal string: an IPv6 range can hold up to 2^128 addresses,
 * beyond a JavaScript number) with its digits grouped by three.
 */
export function groupDigits(decimal: string): string {
  return /^\d+$/.test(decimal) ? decimal.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR) : decimal;
}
