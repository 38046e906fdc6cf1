/**
 * Reminder dates in the business's time zone. Reminders are stored as instants (timestamptz), but
 * people set them as a wall-clock time where the business is ("09:00 in Istanbul"), and repeats
 * follow the wall clock: a daily 09:00 reminder stays at 09:00 across a DST change, which adding
 * 24 hours would not do. Safe on the client (no server imports).
 */
import { TZDate } from '@date-fns/tz';

/** The same values as the `reminder_repeat` enum of the database (checked in queries.ts). */
export const REMINDER_REPEATS = ['none', 'daily', 'weekly', 'monthly'] as const;
export type ReminderRepeat = (typeof REMINDER_REPEATS)[number];

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

/** "2026-01-31 09:00", "2026-01-31T09:00" (seconds optional): a wall-clock time with no zone. */
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;
/** The same with a zone: "…Z" or "…+03:00", an instant. */
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Whether a text is a date and time this module accepts (see `resolveDueAt`). */
export function isDateTimeText(value: string): boolean {
  if (INSTANT_RE.test(value)) return !Number.isNaN(Date.parse(value)) && inRange(new Date(value));
  const wall = parseWallClock(value);
  return wall !== null;
}

function inRange(date: Date): boolean {
  const y = date.getUTCFullYear();
  return y >= 1970 && y <= 9999;
}

export function parseWallClock(value: string): WallClock | null {
  const m = LOCAL_RE.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) return null;
  if (m[6] !== undefined && Number(m[6]) > 59) return null;
  return { year, month, day, hour, minute };
}

/**
 * The instant of a due date given as text: with an offset it is that instant; without one it is
 * a wall-clock time in the business's zone (what the date picker gives and what people mean).
 */
export function resolveDueAt(value: string, timeZone: string): Date | null {
  if (INSTANT_RE.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) || !inRange(date) ? null : date;
  }
  const wall = parseWallClock(value);
  return wall ? wallClockToInstant(wall, timeZone) : null;
}

/** The instant of a wall-clock time in a zone; a time skipped by DST moves forward, as clocks do. */
export function wallClockToInstant(wall: WallClock, timeZone: string): Date {
  return new Date(new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, 0, 0, timeZone).getTime());
}

export function instantToWallClock(instant: Date, timeZone: string): WallClock {
  const d = new TZDate(instant.getTime(), timeZone);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() };
}

/** "2026-01-31 09:00": what the date picker shows for an instant, in the business's zone. */
export function formatWallClock(instant: Date, timeZone: string): string {
  const w = instantToWallClock(instant, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The next occurrence after `dueAt`. Daily and weekly add calendar days on the wall clock; monthly
 * goes to the anchor day of the next month, or that month's last day when it is shorter (31 →
 * 30 Apr → 31 May). The anchor is kept separately because the previous due date may have been
 * clipped. Null for a reminder that does not repeat.
 */
export function nextOccurrence(dueAt: Date, repeat: ReminderRepeat, timeZone: string, anchorDay?: number | null): Date | null {
  if (repeat === 'none') return null;
  const w = instantToWallClock(dueAt, timeZone);
  if (repeat === 'daily' || repeat === 'weekly') {
    // A UTC date does the calendar arithmetic (month and year ends) without any zone in the way.
    const next = new Date(Date.UTC(w.year, w.month - 1, w.day + (repeat === 'daily' ? 1 : 7)));
    return wallClockToInstant(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: w.hour, minute: w.minute },
      timeZone,
    );
  }
  const year = w.month === 12 ? w.year + 1 : w.year;
  const month = w.month === 12 ? 1 : w.month + 1;
  const anchor = anchorDay ?? w.day;
  return wallClockToInstant({ year, month, day: Math.min(anchor, daysInMonth(year, month)), hour: w.hour, minute: w.minute }, timeZone);
}

/**
 * Where a repeating reminder goes when it is marked done: the first occurrence after the current
 * one that is still ahead of `now`. A daily reminder left undone for a week comes back tomorrow,
 * not seven times in a row as overdue. Bounded, so a corrupt date cannot loop for long.
 */
export function nextDueAfterDone(dueAt: Date, repeat: ReminderRepeat, timeZone: string, anchorDay: number | null, now: Date): Date | null {
  let next = nextOccurrence(dueAt, repeat, timeZone, anchorDay);
  for (let i = 0; next && next.getTime() <= now.getTime() && i < 5000; i++) {
    next = nextOccurrence(next, repeat, timeZone, anchorDay);
  }
  return next;
}

/** Start of the day after `now` in the zone: the end of "today" for the list views. */
export function startOfTomorrow(now: Date, timeZone: string): Date {
  const w = instantToWallClock(now, timeZone);
  const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  return new Date(new TZDate(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate(), 0, 0, 0, 0, timeZone).getTime());
}
