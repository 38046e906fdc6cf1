/**
 * Account e-mails through the `mail.auth` queue, against the real database and a real SMTP server:
 * queued with the transaction that asks for them, sent once however often a job is delivered, and
 * sent by a worker in another process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { newId } from '@/lib/ids';
import { createPersonnelOperation } from '@/modules/personnel/operations';
import { contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { AUTH_MAIL_QUEUE, authMailJobId, deliverAuthMail, enqueueAuthMail, type AuthMailJob } from './auth-mail';
import { getBoss, stopBoss } from './boss';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type Received = { to: string[]; raw: string; at: number };
const received: Received[] = [];
let smtp: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8'), at: performance.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.SMTP_URL = smtpUrl;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await stopBoss();
  await closeDb();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const to = () => `davet-${newId().slice(-8)}@example.test`;
const mailsTo = (address: string) => received.filter((m) => m.to.includes(address));

async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Takes the job with this id from the queue, as a worker would (it becomes active). */
async function fetchJob(id: string) {
  const boss = await getBoss();
  const jobs = await boss.fetch<AuthMailJob>(AUTH_MAIL_QUEUE, { batchSize: 20 });
  const job = jobs.find((j) => j.id === id);
  expect(job, 'the queued job').toBeDefined();
  return job!;
}

describe('mail.auth jobs', () => {
  it('queues one job per key, and sends it once when it is delivered twice', async () => {
    const address = to();
    const mail = { to: address, subject: 'Tezgah: davet / invitation', text: 'https://tezgah.test/invite/abc\n' };
    const key = `invitation:${newId()}`;
    const id = await enqueueAuthMail(mail, { key });
    expect(id).toBe(authMailJobId(key));
    // The same mail asked for again (a retried request): no second job.
    expect(await enqueueAuthMail(mail, { key })).toBeNull();

    const job = await fetchJob(id!);
    const boss = await getBoss();
    expect(await deliverAuthMail(job, boss)).toBe('sent');
    // pg-boss hands the same job out again (an expired lease, a worker that died before it reported).
    expect(await deliverAuthMail(job, boss)).toBe('already-sent');
    // The test server records a message before it accepts it: every delivery has returned, so a
    // second mail would already be here.
    expect(mailsTo(address)).toHaveLength(1);
    expect(mailsTo(address)[0]!.raw).toContain(`Message-ID: <${id}@tezgah.invalid>`);
    const [stored] = await boss.findJobs(AUTH_MAIL_QUEUE, { id: id! });
    expect(stored?.state).toBe('completed');
  });

  it('sends once when two deliveries of one job run at the same moment', async () => {
    const address = to();
    const id = await enqueueAuthMail({ to: address, subject: 'Tezgah: şifre sıfırlama', text: 'https://tezgah.test/reset\n' }, { key: `reset-password:${newId()}` });
    const job = await fetchJob(id!);
    const results = await Promise.all([deliverAuthMail(job), deliverAuthMail(job), deliverAuthMail(job)]);
    expect(results.sort()).toEqual(['already-sent', 'already-sent', 'sent']);
    // Every delivery has returned, and the test server records a message before it accepts it.
    expect(mailsTo(address)).toHaveLength(1);
  });

  it('queues nothing when the transaction that asked for the mail rolls back', async () => {
    const key = `invitation:${newId()}`;
    await getDb()
      .transaction(async (tx) => {
        expect(await enqueueAuthMail({ to: to(), subject: 'x', text: 'y' }, { key, tx })).toBe(authMailJobId(key));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await (await getBoss()).findJobs(AUTH_MAIL_QUEUE, { id: authMailJobId(key) })).toEqual([]);
  });

  it('an invitation made here is mailed by `npm run worker` in another process', async () => {
    let worker: ChildProcess | undefined;
    let output = '';
    try {
      worker = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/server-only-hook.mjs', 'scripts/worker.ts'], {
        cwd: projectRoot,
        env: { ...process.env, SMTP_URL: smtpUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      worker.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      worker.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitFor(() => output.includes('Worker ready'), 30_000).catch(() => {
        throw new Error(`the worker did not start:\n${output}`);
      });

      const db = getDb();
      const owner = await createUser(db, { name: 'Ayşe Yılmaz' });
      const business = await createTestBusiness(db, owner, { name: 'Davetli Dükkân' });
      const ctx = await contextFor(db, owner.id, business.slug);
      const address = to();
      const created = await runOperation(createPersonnelOperation, ctx, { name: 'Yeni Gelen', email: address, role: 'member', invite: true });
      const committedAt = performance.now();
      expect(created).toMatchObject({ ok: true, message: 'personnel.createdAndInvited' });

      const [mail] = await waitFor(() => mailsTo(address).length > 0 && mailsTo(address), 10_000);
      console.log(`[jobs] invitation commit → SMTP via the worker process: ${(mail!.at - committedAt).toFixed(0)} ms`);
      expect(mail!.raw).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
    } finally {
      worker?.kill('SIGTERM');
      if (worker && worker.exitCode === null) await new Promise((resolve) => worker!.once('exit', resolve));
    }
  }, 60_000);
});
