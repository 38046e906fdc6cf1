import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '../db/client';

const MINUTE_MS = 60 * 1000;

/**
 * Failed sign-ins are counted under three keys, each with its own window and its own answer:
 *
 * - one account from one address (`email-ip:`): after `max` failures in the window that address
 *   may not try that account again for `lockMs`. Whoever guesses from their own address locks
 *   only themselves out, never the owner signing in from elsewhere.
 * - one address across accounts (`ip:`): the same lock for an address that guesses many accounts.
 * - one account across all addresses (`email:`): guessing from many addresses is slowed, not
 *   stopped. Past `free` failures in the window each further failure makes the account wait
 *   before the next try, doubling from one second up to `maxDelayMs`. The owner waits seconds,
 *   not a quarter hour, and the e-mailed sign-in link gets in regardless.
 */
export const SIGN_IN_LIMITS = {
  accountAddress: { max: 10, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS },
  address: { max: 50, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS },
  account: { free: 20, windowMs: 60 * MINUTE_MS, maxDelayMs: MINUTE_MS },
} as const;

type Keys = { account: string; accountAddress?: string; address?: string };

export function throttleKeys(email: string, ip: string | null): Keys {
  const account = email.trim().toLowerCase();
  return {
    account: `email:${account}`,
    ...(ip ? { accountAddress: `email-ip:${account}|${ip}`, address: `ip:${ip}` } : {}),
  };
}

/** Seconds until this address may try this account again, or 0 when it may now. */
export async function secondsUntilSignInAllowed(email: string, ip: string | null): Promise<number> {
  const keys = Object.values(throttleKeys(email, ip));
  const { rows } = await getDb().execute<{ wait: number | null }>(sql`
    select ceil(extract(epoch from max(locked_until) - now()))::int as wait
    from auth_throttle where key in ${sql`(${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`}
      and locked_until > now()`);
  return Math.max(0, rows[0]?.wait ?? 0);
}

const interval = (ms: number) => sql`${`${ms} milliseconds`}::interval`;

/**
 * Counts one failure under a key in one statement: a window older than `windowMs` starts again
 * at 1; `lockFor(failures)` is the lock to set (an interval), or null to keep the current one.
 */
async function countFailure(key: string, windowMs: number, lockFor: (failures: SQL) => SQL): Promise<void> {
  const inWindow = sql`auth_throttle.window_started_at >= now() - ${interval(windowMs)}`;
  const failures = sql`(case when ${inWindow} then auth_throttle.failures + 1 else 1 end)`;
  await getDb().execute(sql`
    insert into auth_throttle (key, failures, window_started_at, locked_until)
    values (${key}, 1, now(), now() + ${lockFor(sql`1`)})
    on conflict (key) do update set
      failures = ${failures},
      window_started_at = case when ${inWindow} then auth_throttle.window_started_at else now() end,
      locked_until = coalesce(now() + ${lockFor(failures)}, auth_throttle.locked_until)`);
}

/** Counts a failed sign-in under each of its keys; a key past its limit gets locked. */
export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  const keys = throttleKeys(email, ip);
  const { accountAddress, address, account } = SIGN_IN_LIMITS;
  const lockAt = (max: number, lockMs: number) => (failures: SQL) => sql`(case when ${failures} >= ${max} then ${interval(lockMs)} end)`;
  if (keys.accountAddress) await countFailure(keys.accountAddress, accountAddress.windowMs, lockAt(accountAddress.max, accountAddress.lockMs));
  if (keys.address) await countFailure(keys.address, address.windowMs, lockAt(address.max, address.lockMs));
  await countFailure(keys.account, account.windowMs, (failures) =>
    // 1 s after the first failure past the free ones, then 2 s, 4 s, … up to maxDelayMs.
    sql`(case when ${failures} > ${account.free}
          then least(${account.maxDelayMs}::float8, 1000 * power(2, least(${failures} - ${account.free} - 1, 30))) * interval '1 millisecond' end)`,
  );
}

/**
 * A successful sign-in forgets the failures of its account from its address. The account's own
 * count is kept until its window ends: the owner signing in must not reset the slowdown for
 * someone guessing from elsewhere.
 */
export async function clearSignInFailures(email: string, ip: string | null): Promise<void> {
  const key = throttleKeys(email, ip).accountAddress;
  if (key) await getDb().execute(sql`delete from auth_throttle where key = ${key}`);
}
