/** A textarea's entries, one per line, trimmed; blank lines do not count. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
