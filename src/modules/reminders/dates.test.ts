import { describe, expect, it } from 'vitest';
import { formatWallClock, isDateTimeText, resolveDueAt, startOfTomorrow } from '@/lib/dates';
import { nextDueAfterDone, nextOccurrence } from './dates';

const IST = 'Europe/Istanbul';
const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';

/** The occurrences after `first`, as wall-clock text in the zone. */
function series(first: string, repeat: 'daily' | 'weekly' | 'monthly', zone: string, count: number): string[] {
  let due = resolveDueAt(first, zone)!;
  const anchor = repeat === 'monthly' ? Number(first.slice(8, 10)) : null;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    due = nextOccurrence(due, repeat, zone, anchor)!;
    out.push(formatWallClock(due, zone));
  }
  return out;
}

describe('reminder dates', () => {
  it('reads a time without an offset in the business’s zone, and one with an offset as that instant', () => {
    expect(resolveDueAt('2026-01-31 09:00', IST)!.toISOString()).toBe('2026-01-31T06:00:00.000Z');
    expect(resolveDueAt('2026-01-31T09:00:00', BERLIN)!.toISOString()).toBe('2026-01-31T08:00:00.000Z');
    expect(resolveDueAt('2026-07-01T09:00:00', BERLIN)!.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(resolveDueAt('2026-01-31T09:00:00Z', IST)!.toISOString()).toBe('2026-01-31T09:00:00.000Z');
    expect(resolveDueAt('2026-01-31T09:00:00+03:00', BERLIN)!.toISOString()).toBe('2026-01-31T06:00:00.000Z');
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    for (const bad of ['2026-02-30 09:00', '2026-13-01 09:00', '2026-01-01 24:00', '2026-01-01', 'yarın', '', '2026-01-01T09:00+99:99x', '0000-01-01 00:00']) {
      expect(isDateTimeText(bad), bad).toBe(false);
    }
    expect(isDateTimeText('2028-02-29 23:59')).toBe(true);
  });

  it('moves a monthly reminder of the 31st to the last day of shorter months and back to the 31st', () => {
    expect(series('2026-01-31 09:00', 'monthly', IST, 7)).toEqual([
      '2026-02-28 09:00',
      '2026-03-31 09:00',
      '2026-04-30 09:00',
      '2026-05-31 09:00',
      '2026-06-30 09:00',
      '2026-07-31 09:00',
      '2026-08-31 09:00',
    ]);
    // A leap year's February, and the turn of the year.
    expect(series('2027-12-31 18:30', 'monthly', IST, 3)).toEqual(['2028-01-31 18:30', '2028-02-29 18:30', '2028-03-31 18:30']);
    expect(series('2026-01-30 08:00', 'monthly', IST, 2)).toEqual(['2026-02-28 08:00', '2026-03-30 08:00']);
  });

  it('keeps 09:00 at 09:00 across daylight saving changes (daily, weekly, monthly)', () => {
    // Berlin springs forward on 29 March 2026 and falls back on 25 October 2026.
    expect(series('2026-03-27 09:00', 'daily', BERLIN, 4)).toEqual(['2026-03-28 09:00', '2026-03-29 09:00', '2026-03-30 09:00', '2026-03-31 09:00']);
    const spring = resolveDueAt('2026-03-28 09:00', BERLIN)!;
    const after = nextOccurrence(spring, 'daily', BERLIN)!;
    expect(after.getTime() - spring.getTime()).toBe(23 * 3600_000);
    const autumn = resolveDueAt('2026-10-24 09:00', BERLIN)!;
    expect(nextOccurrence(autumn, 'daily', BERLIN)!.getTime() - autumn.getTime()).toBe(25 * 3600_000);
    expect(series('2026-10-20 09:00', 'weekly', BERLIN, 2)).toEqual(['2026-10-27 09:00', '2026-11-03 09:00']);
    expect(series('2026-02-28 09:00', 'monthly', NY, 2)).toEqual(['2026-03-28 09:00', '2026-04-28 09:00']);
    // Istanbul keeps one offset all year: the same arithmetic gives 24-hour steps there.
    const ist = resolveDueAt('2026-03-28 09:00', IST)!;
    expect(nextOccurrence(ist, 'daily', IST)!.getTime() - ist.getTime()).toBe(24 * 3600_000);
  });

  it('moves a wall-clock time that DST skips forward, as clocks do', () => {
    expect(formatWallClock(resolveDueAt('2026-03-29 02:30', BERLIN)!, BERLIN)).toBe('2026-03-29 03:30');
  });

  it('does not repeat a one-off reminder', () => {
    expect(nextOccurrence(new Date(), 'none', IST)).toBeNull();
  });

  it('skips the occurrences already past when a late repeating reminder is done', () => {
    const due = resolveDueAt('2026-03-01 09:00', IST)!;
    const now = resolveDueAt('2026-03-05 12:00', IST)!;
    expect(formatWallClock(nextDueAfterDone(due, 'daily', IST, null, now)!, IST)).toBe('2026-03-06 09:00');
    const monthly = resolveDueAt('2026-01-31 09:00', IST)!;
    expect(formatWallClock(nextDueAfterDone(monthly, 'monthly', IST, 31, now)!, IST)).toBe('2026-03-31 09:00');
  });

  it('ends "today" at the business’s midnight', () => {
    const now = new Date('2026-01-31T22:30:00Z'); // 01:30 on 1 February in Istanbul
    expect(startOfTomorrow(now, IST).toISOString()).toBe('2026-02-01T21:00:00.000Z');
    expect(startOfTomorrow(now, 'UTC').toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });
});
