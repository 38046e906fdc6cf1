/**
 * Wall-clock times in a named time zone. The app's date inputs give a wall time ("2026-03-05T14:30")
 * with no zone; the business works in its own zone (businesses.time_zone), which need not be the
 * browser's. These convert between the two with Intl only, so they run on the server and the client.
 */

function partsIn(date: Date, timeZone: string): Record<string, number> {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(date)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** How far the zone is ahead of UTC at this instant, in milliseconds. */
function offsetAt(date: Date, timeZone: string): number {
  const p = partsIn(date, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The instant at which clocks in `timeZone` show `wall` ("YYYY-MM-DD" or "YYYY-MM-DDTHH:mm[:ss]").
 * A time skipped by a daylight-saving change resolves to the instant an hour later, as clocks do.
 * Null when the text is not a wall time.
 */
export function zonedWallTimeToUtc(wall: string, timeZone: string): Date | null {
  const m = WALL.exec(wall.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as number[];
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const check = new Date(guess);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d) return null;
  // Two passes settle the offset on either side of a daylight-saving change.
  let instant = guess - offsetAt(new Date(guess), timeZone);
  instant = guess - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}

/** The wall time ("YYYY-MM-DDTHH:mm") clocks in `timeZone` show at `date`. */
export function utcToZonedWallTime(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}
