/**
 * Sign-up, sign-in, throttling and session revocation through better-auth's real HTTP handler,
 * against the real database.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { appUrl, getAuth } from './auth';
import { SIGN_IN_LIMITS } from './throttle';

afterAll(closeDb);

let ipCounter = 1;
function call(path: string, body: unknown, opts: { cookie?: string; ip?: string } = {}): Promise<Response> {
  return getAuth().handler(
    new Request(`${appUrl()}/api/auth${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: appUrl(),
        'x-forwarded-for': opts.ip ?? `10.9.0.${ipCounter++}`,
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
}

function get(path: string, cookie: string): Promise<Response> {
  return getAuth().handler(new Request(`${appUrl()}/api/auth${path}`, { headers: { cookie, origin: appUrl() } }));
}

function sessionCookie(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
}

const unique = () => Math.random().toString(36).slice(2, 8);

describe('auth', () => {
  it('signs up with an argon2id hash, refuses short and common passwords', async () => {
    const email = `kayit-${unique()}@example.test`;
    expect((await call('/sign-up/email', { name: 'Kısa', email, password: 'kisa' })).status).toBe(400);
    const common = await call('/sign-up/email', { name: 'Yaygın', email, password: 'password123' });
    expect(common.status).toBe(400);
    expect(await common.json()).toMatchObject({ code: 'PASSWORD_TOO_COMMON' });
    const ok = await call('/sign-up/email', { name: 'Şükrü Güçlü', email, password: 'Çok-Gizli-Parola-7' });
    expect(ok.status).toBe(200);
    const { rows } = await getDb().execute<{ password: string }>(
      sql`select a.password from account a join "user" u on u.id = a.user_id where u.email = ${email}`,
    );
    expect(rows[0]?.password).toMatch(/^\$argon2id\$/);
  });

  it('locks out an address that guesses one account, not the owner signing in from elsewhere', async () => {
    const email = `kilit-${unique()}@example.test`;
    expect((await call('/sign-up/email', { name: 'Kilit', email, password: 'Dogru-Parola-99' })).status).toBe(200);
    const guesser = '10.9.1.1';
    for (let i = 0; i < SIGN_IN_LIMITS.accountAddress.max; i++) {
      expect((await call('/sign-in/email', { email, password: `yanlis-${i}-parola` }, { ip: guesser })).status).toBe(401);
    }
    // The guessing address is locked for this account, even with the right password …
    const locked = await call('/sign-in/email', { email, password: 'Dogru-Parola-99' }, { ip: guesser });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    // … while the owner, from another address, signs in at once.
    expect((await call('/sign-in/email', { email, password: 'Dogru-Parola-99' })).status).toBe(200);
  });

  it('slows guessing of one account from many addresses by seconds, doubling, up to a minute', async () => {
    const email = `yavas-${unique()}@example.test`;
    expect((await call('/sign-up/email', { name: 'Yavaş', email, password: 'Dogru-Parola-99' })).status).toBe(200);
    for (let i = 0; i < SIGN_IN_LIMITS.account.free; i++) {
      expect((await call('/sign-in/email', { email, password: `yanlis-${i}-parola` })).status).toBe(401);
    }
    // One failure past the free ones: the account waits a second before the next try, from anywhere.
    expect((await call('/sign-in/email', { email, password: 'yine-yanlis-parola' })).status).toBe(401);
    const slowed = await call('/sign-in/email', { email, password: 'Dogru-Parola-99' });
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // The next failure doubles the wait.
    expect((await call('/sign-in/email', { email, password: 'bir-daha-yanlis' })).status).toBe(401);
    const wait = async () =>
      (await getDb().execute<{ ms: number }>(sql`select (extract(epoch from locked_until - now()) * 1000)::float8 as ms from auth_throttle where key = ${`email:${email}`}`)).rows[0]!.ms;
    expect(await wait()).toBeGreaterThan(1_000);
    expect(await wait()).toBeLessThanOrEqual(2_000);
    // However long the guessing goes on, the owner never waits more than a minute.
    await getDb().execute(sql`update auth_throttle set failures = 500, locked_until = null where key = ${`email:${email}`}`);
    expect((await call('/sign-in/email', { email, password: 'hep-yanlis-parola' })).status).toBe(401);
    expect(await wait()).toBeGreaterThan(55_000);
    expect(await wait()).toBeLessThanOrEqual(SIGN_IN_LIMITS.account.maxDelayMs);
    await getDb().execute(sql`update auth_throttle set locked_until = null where key = ${`email:${email}`}`);
    expect((await call('/sign-in/email', { email, password: 'Dogru-Parola-99' })).status).toBe(200);
  });

  it('ends the session at once on sign-out', async () => {
    const email = `cikis-${unique()}@example.test`;
    const res = await call('/sign-up/email', { name: 'Çıkış', email, password: 'Dogru-Parola-99' });
    const cookie = sessionCookie(res);
    expect(await (await get('/get-session', cookie)).json()).toMatchObject({ user: { email } });
    expect((await call('/sign-out', {}, { cookie })).status).toBe(200);
    expect(await (await get('/get-session', cookie)).json()).toBeNull();
  });

  it('ends the other sessions at once on a password change', async () => {
    const email = `degis-${unique()}@example.test`;
    await call('/sign-up/email', { name: 'Değiş', email, password: 'Dogru-Parola-99' });
    const first = sessionCookie(await call('/sign-in/email', { email, password: 'Dogru-Parola-99' }));
    const second = sessionCookie(await call('/sign-in/email', { email, password: 'Dogru-Parola-99' }));
    const change = await call(
      '/change-password',
      { currentPassword: 'Dogru-Parola-99', newPassword: 'Yeni-Parola-2026', revokeOtherSessions: true },
      { cookie: second },
    );
    expect(change.status).toBe(200);
    expect(await (await get('/get-session', first)).json()).toBeNull();
    expect((await call('/sign-in/email', { email, password: 'Dogru-Parola-99' })).status).toBe(401);
    expect((await call('/sign-in/email', { email, password: 'Yeni-Parola-2026' })).status).toBe(200);
  });
});
