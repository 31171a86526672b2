/** A CSV cell as a typed value: yes/no words as booleans, digits as numbers, empty as absent. */
export function typedCell(raw: string, kind: 'text' | 'boolean' | 'integer'): unknown {
  const value = raw.trim();
  if (value === '') return undefined;
  if (kind === 'boolean') {
    const word = value.toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(word)) return true;
    if (['false', 'no', '0', 'off'].includes(word)) return false;
    return value;
  }
  if (kind === 'integer') return /^-?\d+$/.test(value) ? Number(value) : value;
  return value;
}
