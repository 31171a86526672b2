/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, tab or carriage return first) gets a
 * leading apostrophe, so `=HYPERLINK("x")` stays text (OWASP "CSV injection"). Every CSV export
 * passes its cells through this.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
