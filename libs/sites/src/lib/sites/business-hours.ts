import { WEEKDAYS, type BusinessHours, type Weekday } from '@switchboard/contracts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether `timezone` is an IANA zone this runtime knows. */
export function knownTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** The first problem of a schedule as [field, message], or null: known zone, HH:MM periods, open before close, no overlaps. */
export function hoursProblem(hours: BusinessHours): [string, string] | null {
  if (!knownTimeZone(hours.timezone)) return ['businessHours.timezone', `Unknown time zone "${hours.timezone}"`];
  for (const day of WEEKDAYS) {
    const periods = hours.days[day] ?? [];
    const field = `businessHours.days.${day}`;
    if (periods.some((p) => !TIME.test(p.open) || !TIME.test(p.close))) return [field, 'Times are HH:MM, 00:00 to 23:59'];
    if (periods.some((p) => p.open >= p.close)) return [field, 'A period opens before it closes'];
    const sorted = [...periods].sort((a, b) => a.open.localeCompare(b.open));
    if (sorted.some((p, i) => i > 0 && p.open < (sorted[i - 1] as typeof p).close)) return [field, 'Periods of one day must not overlap'];
  }
  return null;
}

/** Whether the site is staffed at `at` (null hours: always). */
export function isOpen(hours: BusinessHours | null, at: Date): boolean {
  if (!hours) return true;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: hours.timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = part('weekday').toLowerCase().slice(0, 3) as Weekday;
  const time = `${part('hour')}:${part('minute')}`;
  return (hours.days[day] ?? []).some((p) => p.open <= time && time < p.close);
}
