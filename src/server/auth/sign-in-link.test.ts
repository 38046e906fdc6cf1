/**
 * The e-mailed sign-in link, through better-auth's real handler, the real `mail.auth` queue and a
 * real SMTP server: it gets the owner in while the account is slowed down by someone guessing,
 * and asking for one tells nothing about whether an account exists.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type ReceivedMail } from '../../../tests/smtp';
import { closeDb, getDb } from '@/server/db/client';
import { AUTH_MAIL_QUEUE, deliverAuthMail, type AuthMailJob } from '@/server/jobs/auth-mail';
import { getBoss, stopBoss } from '@/server/jobs/boss';
import { parseMessage } from '../../../e2e/support/mail';
import { appUrl, getAuth } from './auth';

let received: ReceivedMail[] = [];
let stopSmtp: () => Promise<void>;

beforeAll(async () => {
  ({ received, stop: stopSmtp } = await startTestSmtp());
});

afterAll(async () => {
  await stopBoss();
  await closeDb();
  await stopSmtp();
});

let ipCounter = 1;
function request(path: string, init: { body?: unknown; cookie?: string; ip?: string } = {}): Promise<Response> {
  return getAuth().handler(
    new Request(path.startsWith('http') ? path : `${appUrl()}/api/auth${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: {
        origin: appUrl(),
        'x-forwarded-for': init.ip ?? `10.9.2.${ipCounter++}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.cookie ? { cookie: init.cookie } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: 'manual',
    }),
  );
}

const unique = () => Math.random().toString(36).slice(2, 8);

async function queuedMails(to: string) {
  return (await getBoss()).findJobs<AuthMailJob>(AUTH_MAIL_QUEUE, { data: { to } });
}

describe('sign-in link', () => {
  it('gets the owner in by e-mail while the account is slowed down, and reveals no account', async () => {
    const email = `baglanti-${unique()}@example.test`;
    expect((await request('/sign-up/email', { body: { name: 'Bağlantı', email, password: 'Dogru-Parola-99' } })).status).toBe(200);
    // Someone guesses from many addresses until the account must wait.
    await getDb().execute(sql`insert into auth_throttle (key, failures, locked_until) values (${`email:${email}`}, 100, now() + interval '1 minute')`);
    expect((await request('/sign-in/email', { body: { email, password: 'Dogru-Parola-99' } })).status).toBe(429);

    const asked = await request('/sign-in/magic-link', { body: { email, callbackURL: '/dashboard', errorCallbackURL: '/sign-in' } });
    const unknown = `yok-${unique()}@example.test`;
    const askedUnknown = await request('/sign-in/magic-link', { body: { email: unknown, callbackURL: '/dashboard', errorCallbackURL: '/sign-in' } });
    expect([asked.status, askedUnknown.status]).toEqual([200, 200]);
    expect(await askedUnknown.json()).toEqual(await asked.json());
    expect(await queuedMails(unknown)).toEqual([]);

    // Asking again within the minute queues no second mail.
    expect((await request('/sign-in/magic-link', { body: { email, callbackURL: '/dashboard' } })).status).toBe(200);
    const jobs = await queuedMails(email);
    expect(jobs).toHaveLength(1);
    expect(await deliverAuthMail({ id: jobs[0]!.id, data: jobs[0]!.data })).toBe('sent');
    const mail = received.find((m) => m.to.includes(email));
    expect(mail, 'the mail at the SMTP server').toBeDefined();
    const link = parseMessage(mail!.raw).text.match(/https?:\/\/\S+/)?.[0];
    expect(link).toMatch(new RegExp(`^${appUrl()}/api/auth/magic-link/verify\\?token=`));

    const followed = await request(link!);
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toBe(`${appUrl()}/dashboard`);
    const cookie = followed.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
    expect(await (await request('/get-session', { cookie })).json()).toMatchObject({ user: { email } });

    // better-auth drops a password that was set before the address was proven (it may have been
    // set by someone else who signed up with it); a new one is set through "forgot password".
    await getDb().execute(sql`delete from auth_throttle where key = ${`email:${email}`}`);
    expect((await request('/sign-in/email', { body: { email, password: 'Dogru-Parola-99' } })).status).toBe(401);
    const { rows } = await getDb().execute<{ verified: boolean }>(sql`select email_verified as verified from "user" where email = ${email}`);
    expect(rows[0]?.verified).toBe(true);

    // A link works once.
    const again = await request(link!);
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toMatch(/error=INVALID_TOKEN/);
  });

  it('makes no account for an unknown address', async () => {
    const email = `yeni-${unique()}@example.test`;
    expect((await request('/sign-in/magic-link', { body: { email } })).status).toBe(200);
    const { rows } = await getDb().execute(sql`select 1 from "user" where email = ${email}`);
    expect(rows).toEqual([]);
  });
});
