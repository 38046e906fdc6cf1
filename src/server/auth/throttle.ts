import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db/client';

const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
/** Failed sign-ins allowed per window before the key is locked for LOCK_MS. */
export const MAX_FAILURES = { email: 10, ip: 50 } as const;

export function throttleKeys(email: string, ip: string | null): { email: string; ip?: string } {
  return { email: `email:${email.trim().toLowerCase()}`, ...(ip ? { ip: `ip:${ip}` } : {}) };
}

/** Seconds until sign-in is allowed again for the account or the address, or 0 when it is. */
export async function secondsUntilSignInAllowed(email: string, ip: string | null): Promise<number> {
  const keys = Object.values(throttleKeys(email, ip));
  const { rows } = await getDb().execute<{ wait: number | null }>(sql`
    select ceil(extract(epoch from max(locked_until) - now()))::int as wait
    from auth_throttle where key in ${sql`(${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`}
      and locked_until > now()`);
  return Math.max(0, rows[0]?.wait ?? 0);
}

/** Counts a failure for both keys in one statement each; a key past its limit gets locked. */
export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  const keys = throttleKeys(email, ip);
  const entries: [string, number][] = [[keys.email, MAX_FAILURES.email]];
  if (keys.ip) entries.push([keys.ip, MAX_FAILURES.ip]);
  const db = getDb();
  for (const [key, max] of entries) {
    await db.execute(sql`
      insert into auth_throttle (key, failures, window_started_at)
      values (${key}, 1, now())
      on conflict (key) do update set
        failures = case when auth_throttle.window_started_at < now() - ${`${WINDOW_MS} milliseconds`}::interval
                        then 1 else auth_throttle.failures + 1 end,
        window_started_at = case when auth_throttle.window_started_at < now() - ${`${WINDOW_MS} milliseconds`}::interval
                        then now() else auth_throttle.window_started_at end,
        locked_until = case when auth_throttle.window_started_at >= now() - ${`${WINDOW_MS} milliseconds`}::interval
                             and auth_throttle.failures + 1 >= ${max}
                        then now() + ${`${LOCK_MS} milliseconds`}::interval else auth_throttle.locked_until end`);
  }
}

/** A successful sign-in forgets the account's failures (not the address's). */
export async function clearSignInFailures(email: string): Promise<void> {
  await getDb().execute(sql`delete from auth_throttle where key = ${throttleKeys(email, null).email}`);
}
