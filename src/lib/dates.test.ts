import { describe, expect, it } from 'vitest';
import { addCalendarDays, utcToZonedWallTime, zonedWallTimeToUtc } from './dates';

describe('zoned wall times', () => {
  it('reads a wall time in Istanbul (UTC+3 all year)', () => {
    expect(zonedWallTimeToUtc('2026-03-05T14:30', 'Europe/Istanbul')?.toISOString()).toBe('2026-03-05T11:30:00.000Z');
    expect(zonedWallTimeToUtc('2026-03-05', 'Europe/Istanbul')?.toISOString()).toBe('2026-03-04T21:00:00.000Z');
    expect(utcToZonedWallTime(new Date('2026-03-05T11:30:00Z'), 'Europe/Istanbul')).toBe('2026-03-05T14:30');
  });

  it('follows daylight saving in Berlin, both ways', () => {
    expect(zonedWallTimeToUtc('2026-01-10T09:00', 'Europe/Berlin')?.toISOString()).toBe('2026-01-10T08:00:00.000Z');
    expect(zonedWallTimeToUtc('2026-07-10T09:00', 'Europe/Berlin')?.toISOString()).toBe('2026-07-10T07:00:00.000Z');
    // 02:30 on 29 March 2026 does not exist in Berlin: clocks jump from 02:00 to 03:00.
    expect(zonedWallTimeToUtc('2026-03-29T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    for (const wall of ['2026-10-25T12:00', '2026-03-29T12:00', '2026-12-31T23:59']) {
      expect(utcToZonedWallTime(zonedWallTimeToUtc(wall, 'Europe/Berlin')!, 'Europe/Berlin')).toBe(wall);
    }
  });

  it('refuses what is not a wall time', () => {
    expect(zonedWallTimeToUtc('2026-02-30T10:00', 'UTC')).toBeNull();
    expect(zonedWallTimeToUtc('yesterday', 'UTC')).toBeNull();
  });
});

describe('calendar days', () => {
  it('steps across month ends, leap days and the turn of the year', () => {
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    // A daylight-saving change in the server's zone changes nothing: no zone is involved.
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-24', 2)).toBe('2026-10-26');
  });
});
