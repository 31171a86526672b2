import { WEEKDAYS, type BusinessHours, type OpeningPeriod } from '@switchboard/contracts';
import { hoursProblem, isOpen } from './business-hours';

const week = (periods: OpeningPeriod[], timezone = 'Europe/Prague'): BusinessHours => ({
  timezone,
  days: Object.fromEntries(WEEKDAYS.map((d) => [d, ['sat', 'sun'].includes(d) ? [] : periods])) as BusinessHours['days'],
});

describe('business hours', () => {
  const hours = week([{ open: '09:00', close: '12:00' }, { open: '13:00', close: '17:30' }]);

  it("is open inside a period in the site's time zone, and closed between periods, after hours and at weekends", () => {
    // 2026-11-23 is a Monday; Prague is UTC+1 in November.
    expect(isOpen(hours, new Date('2026-11-23T08:00:00Z'))).toBe(true); // 09:00 local
    expect(isOpen(hours, new Date('2026-11-23T07:59:00Z'))).toBe(false); // 08:59
    expect(isOpen(hours, new Date('2026-11-23T11:30:00Z'))).toBe(false); // 12:30, lunch
    expect(isOpen(hours, new Date('2026-11-23T16:29:00Z'))).toBe(true); // 17:29
    expect(isOpen(hours, new Date('2026-11-23T16:30:00Z'))).toBe(false); // 17:30, closed
    expect(isOpen(hours, new Date('2026-11-21T10:00:00Z'))).toBe(false); // Saturday
    expect(isOpen(hours, new Date('2026-11-23T08:00:00Z'))).not.toBe(isOpen(week(hours.days.mon, 'America/New_York'), new Date('2026-11-23T08:00:00Z')));
    expect(isOpen(null, new Date())).toBe(true);
  });

  it('names the field of a bad schedule', () => {
    expect(hoursProblem(hours)).toBeNull();
    expect(hoursProblem({ ...hours, timezone: 'Mars/Olympus' })?.[0]).toBe('businessHours.timezone');
    expect(hoursProblem(week([{ open: '9:00', close: '12:00' }]))?.[0]).toBe('businessHours.days.mon');
    expect(hoursProblem(week([{ open: '12:00', close: '09:00' }]))?.[1]).toMatch(/opens before it closes/);
    expect(hoursProblem(week([{ open: '09:00', close: '12:00' }, { open: '11:00', close: '13:00' }]))?.[1]).toMatch(/overlap/);
  });
});
