/**
 * Dates in a named time zone, for the server and the browser alike. Instants are stored as
 * timestamptz; people enter and read wall-clock times where the business is ("09:00 in Istanbul"),
 * which need not be the server's or the browser's zone. Calendar arithmetic is date-fns on a
 * `TZDate`, so adding a day keeps the wall clock across a daylight-saving change.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, getDaysInMonth, isValid, startOfDay } from 'date-fns';

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

/** "2026-01-31 09:00", "2026-01-31T09:00" (seconds optional): a wall-clock time with no zone. */
const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;
/** A calendar day, "2026-01-31". */
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The same with a zone: "…Z" or "…+03:00", an instant. */
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

function dayExists(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= getDaysInMonth(new Date(year, month - 1, 1));
}

/** A wall-clock time from text (date and time, no zone), or null when it is not one that exists. */
export function parseWallClock(value: string): WallClock | null {
  const m = WALL_RE.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  if (!dayExists(year, month, day) || hour > 23 || minute > 59) return null;
  if (m[6] !== undefined && Number(m[6]) > 59) return null;
  return { year, month, day, hour, minute };
}

function inRange(date: Date): boolean {
  const y = date.getUTCFullYear();
  return isValid(date) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** Whether a text is a date and time `resolveDueAt` accepts. */
export function isDateTimeText(value: string): boolean {
  if (INSTANT_RE.test(value)) return inRange(new Date(value));
  return parseWallClock(value) !== null;
}

/**
 * The instant of a date and time given as text: with an offset it is that instant; without one it
 * is a wall-clock time in `timeZone` (what the date pickers give, and what people mean).
 */
export function resolveDueAt(value: string, timeZone: string): Date | null {
  if (INSTANT_RE.test(value)) {
    const date = new Date(value);
    return inRange(date) ? date : null;
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

/** "2026-01-31 09:00": what the date pickers show for an instant, in the zone. */
export function formatWallClock(instant: Date, timeZone: string): string {
  const w = instantToWallClock(instant, timeZone);
  return `${dayText(w.year, w.month, w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dayText(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * The instant at which clocks in `timeZone` show `wall`: "YYYY-MM-DD" (its midnight) or a date and
 * time. Null when the text is not a wall time that exists.
 */
export function zonedWallTimeToUtc(wall: string, timeZone: string): Date | null {
  const text = wall.trim();
  const day = DAY_RE.exec(text);
  if (day) {
    const [year, month, date] = [day[1], day[2], day[3]].map(Number) as [number, number, number];
    return dayExists(year, month, date) ? wallClockToInstant({ year, month, day: date, hour: 0, minute: 0 }, timeZone) : null;
  }
  const parsed = parseWallClock(text);
  return parsed ? wallClockToInstant(parsed, timeZone) : null;
}

/** The wall time ("YYYY-MM-DDTHH:mm", the value of a datetime input) clocks in `timeZone` show at `date`. */
export function utcToZonedWallTime(date: Date, timeZone: string): string {
  return formatWallClock(date, timeZone).replace(' ', 'T');
}

/** Start of the day after `now` in the zone: the end of "today" for list views. */
export function startOfTomorrow(now: Date, timeZone: string): Date {
  return new Date(startOfDay(addDays(new TZDate(now.getTime(), timeZone), 1)).getTime());
}

/** The calendar day `days` after a calendar day ("YYYY-MM-DD"; negative for before): no time zone involved. */
export function addCalendarDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = addDays(new Date(y, m - 1, d), days);
  return dayText(next.getFullYear(), next.getMonth() + 1, next.getDate());
}

