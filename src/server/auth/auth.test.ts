/**
 * Sign-up, sign-in, throttling and session revocation through better-auth's real HTTP handler,
 * against the real database.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { appUrl, getAuth } from './auth';
import { MAX_FAILURES } from './throttle';

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

  it('locks an account after repeated failures, from any address, and keeps the count in the database', async () => {
    const email = `kilit-${unique()}@example.test`;
    expect((await call('/sign-up/email', { name: 'Kilit', email, password: 'Dogru-Parola-99' })).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES.email; i++) {
      const res = await call('/sign-in/email', { email, password: `yanlis-${i}-parola` });
      expect(res.status).toBe(401);
    }
    const { rows } = await getDb().execute<{ failures: number; locked: boolean }>(
      sql`select failures, locked_until > now() as locked from auth_throttle where key = ${`email:${email}`}`,
    );
    expect(rows[0]).toEqual({ failures: MAX_FAILURES.email, locked: true });
    // Even the right password from a new address is refused while the account is locked.
    const locked = await call('/sign-in/email', { email, password: 'Dogru-Parola-99' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
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
