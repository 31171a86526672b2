/** A CSV of `rows` new agents (header included); `bad` maps a 0-based row index to a broken row. */
export function agentsCsv(rows: number, prefix: string, bad: Record<number, string> = {}): string {
  const lines = ['username,fullName,email,password,typology,capacityChat,tabLimit,voicemail'];
  for (let i = 0; i < rows; i++) {
    lines.push(bad[i] ?? `${prefix}${i},Agent ${i},${prefix}${i}@example.com,Imported-pass-${i},webrtc,${i % 5},3,yes`);
  }
  return `${lines.join('\n')}\n`;
}

/** Seven rows that are each wrong in a different way (by their 0-based index in a 1,000-row file). */
export function sevenBadRows(prefix: string): Record<number, string> {
  return {
    3: `bad name!,Bad 3,${prefix}bad3@example.com,Imported-pass-3,webrtc,1,3,yes`,
    100: `${prefix}100,Bad 100,not-an-email,Imported-pass-100,webrtc,1,3,yes`,
    200: `${prefix}200,Bad 200,${prefix}200@example.com,Imported-pass-200,rotary,1,3,yes`,
    300: `${prefix}300,Bad 300,${prefix}300@example.com,Imported-pass-300,webrtc,-1,3,yes`,
    400: `${prefix}1,Bad 400,${prefix}b400@example.com,Imported-pass-400,webrtc,1,3,yes`,
    500: `${prefix}500,Bad 500,${prefix}500@example.com,short,webrtc,1,3,yes`,
    600: `${prefix}600,,${prefix}600@example.com,Imported-pass-600,webrtc,1,3,maybe`,
  };
}
