/**
 * Sending e-mail to a customer, end to end against the real database, pg-boss and a real SMTP
 * server: logged as an interaction with its outbox row in one transaction, sent once by the job
 * however often it is delivered, held in the outbox when no SMTP server is configured.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { customers, interactions, outboxMessages } from '@/server/db/schema';
import { runOperation } from '@/server/actions/operation';
import type { Ctx } from '@/server/auth/context';
import { getBoss, stopBoss } from '@/server/jobs/boss';
import { OUTBOX_QUEUE, type OutboxJob } from '@/server/jobs/outbox';
import { parseMessage } from '../../../e2e/support/mail';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { createTemplateOperation, sendEmailOperation } from './operations';
import { deliverOutboxMessage } from './outbox';
import { findInteractions } from './queries';

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let smtp: SMTPServer;
let smtpUrl: string;
let ctx: Ctx;
let businessId: string;
let rejectNext: number | null = null;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejectNext) {
        const code = rejectNext;
        rejectNext = null;
        return callback(Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.SMTP_URL = smtpUrl;
  process.env.MAIL_FROM = 'Tezgah <gonderen@tezgah.test>';

  const db = getDb();
  const owner = await createUser(db, { name: 'Ayşe Yılmaz' });
  const business = await createTestBusiness(db, owner, { name: 'Güneş Çiçekçilik', email: 'info@gunes.test' });
  businessId = business.id;
  const sales = await addPersonnel(db, business.id, { role: 'sales', name: 'İlker Şen', email: 'ilker@gunes.test' });
  ctx = await contextFor(db, sales.user!.id, business.slug);
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await stopBoss();
  await closeDb();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const mailsTo = (address: string) => received.filter((m) => m.to.includes(address));

async function outboxRow(id: string) {
  const [row] = await getDb().select().from(outboxMessages).where(and(eq(outboxMessages.businessId, businessId), eq(outboxMessages.id, id)));
  return row!;
}

async function send(customerId: string, subject: string, body: string, templateId: string | null = null) {
  const result = await runOperation(sendEmailOperation, ctx, { customerId, subject, body, templateId });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data as { interactionId: string; outboxId: string; status: string };
}

async function waitFor<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('sending e-mail to a customer', () => {
  it('logs an outbound e-mail interaction with a queued outbox row, and the job delivers it to the SMTP server', async () => {
    const db = getDb();
    const address = 'cagla.ozturk@example.test';
    const customer = await insertTestCustomer(db, businessId, { name: 'Çağla Öztürk', emails: [address] });
    const template = await runOperation(createTemplateOperation, await ownerCtx(), {
      channel: 'email',
      name: 'Teşekkür',
      subject: 'Teşekkürler {{customer.firstName}}: {{business.name}}',
      body: 'Merhaba {{customer.firstName}},\nŞu an <b>sizi</b> düşünüyoruz.\n{{personnel.name}}{{customer.city}}',
    });
    expect(template.ok).toBe(true);
    const sent = await send(customer.id, 'Teşekkürler {{customer.firstName}}: {{business.name}}', 'Merhaba {{customer.firstName}},\nŞu an <b>sizi</b> düşünüyoruz.\n{{personnel.name}}{{customer.city}}', (template as { data: { id: string } }).data.id);
    expect(sent.status).toBe('queued');

    // The interaction, its outbox row and the customer's summary were written together.
    const row = await outboxRow(sent.outboxId);
    expect(row).toMatchObject({ channel: 'email', toAddress: address, status: 'queued', interactionId: sent.interactionId, customerId: customer.id, sentById: ctx.personnelId });
    expect(row.subject).toBe('Teşekkürler Çağla: Güneş Çiçekçilik');
    const [logged] = (await findInteractions(db, ctx, { customerId: customer.id })).data;
    expect(logged).toMatchObject({ id: sent.interactionId, type: 'email', direction: 'outbound', subject: row.subject, body: row.body });
    const [summary] = await db.select({ at: customers.lastInteractionAt }).from(customers).where(and(eq(customers.businessId, businessId), eq(customers.id, customer.id)));
    expect(summary!.at?.getTime()).toBe(logged!.occurredAt.getTime());

    // The job was queued in the same transaction, under the row's id.
    const boss = await getBoss();
    const [job] = await boss.findJobs<OutboxJob>(OUTBOX_QUEUE, { id: sent.outboxId });
    expect(job?.data).toEqual({ businessId, id: sent.outboxId });

    expect(await deliverOutboxMessage(job!.data)).toBe('sent');
    // pg-boss delivers at least once: a second run finds the row sent and sends nothing.
    expect(await deliverOutboxMessage(job!.data)).toBe('already-done');
    // The test server records a message before it accepts it: every delivery has returned, so a
    // second mail would already be here.
    const mails = mailsTo(address);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.from).toBe('gonderen@tezgah.test');
    const parsed = parseMessage(mail.raw);
    // RFC 2047: the Turkish letters travel encoded and decode back exactly.
    expect(parsed.headers.get('subject')).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(decodeHeader(parsed.headers.get('subject')!)).toBe('Teşekkürler Çağla: Güneş Çiçekçilik');
    expect(parsed.headers.get('to')).toContain(address);
    expect(decodeHeader(parsed.headers.get('from')!)).toBe('Güneş Çiçekçilik <gonderen@tezgah.test>');
    expect(parsed.headers.get('reply-to')).toContain('ilker@gunes.test');
    expect(parsed.headers.get('message-id')).toBe(`<${sent.outboxId}@tezgah.invalid>`);
    expect(parsed.text.replace(/\r\n/g, '\n').trimEnd()).toBe('Merhaba Çağla,\nŞu an <b>sizi</b> düşünüyoruz.\nİlker Şen');
    // The HTML part shows the text as typed: the tags are escaped, not rendered.
    expect(mail.raw).toContain('&lt;b&gt;sizi&lt;/b&gt;');

    const after = await outboxRow(sent.outboxId);
    expect(after).toMatchObject({ status: 'sent', attempts: 1, provider: 'smtp', error: null });
    expect(after.providerMessageId).toBe(`<${sent.outboxId}@tezgah.invalid>`);
    expect(after.sentAt).not.toBeNull();
  });

  it('sends once when three deliveries of one job run at the same moment', async () => {
    const address = 'ayni-anda@example.test';
    const customer = await insertTestCustomer(getDb(), businessId, { name: 'Aynı Anda', emails: [address] });
    const sent = await send(customer.id, 'Üç kez', 'Bir kez gitmeli.');
    const results = await Promise.all([1, 2, 3].map(() => deliverOutboxMessage({ businessId, id: sent.outboxId })));
    expect(results.sort()).toEqual(['already-done', 'already-done', 'sent']);
    // Every delivery has returned, and the test server records a message before it accepts it.
    expect(mailsTo(address)).toHaveLength(1);
  });

  it('is sent by a pg-boss worker once the transaction commits', async () => {
    const address = 'kuyruk@example.test';
    const customer = await insertTestCustomer(getDb(), businessId, { name: 'Kuyruk Testi', emails: [address] });
    const boss = await getBoss();
    // Only this queue: other test files use the mail queue on the same database.
    const worker = await boss.work<OutboxJob>(OUTBOX_QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      if (job) await deliverOutboxMessage(job.data);
    });
    try {
      const sent = await send(customer.id, 'İş kuyruğu', 'Kuyruktan geldi.');
      await waitFor(async () => (await outboxRow(sent.outboxId)).status === 'sent', 15_000);
      expect(mailsTo(address)).toHaveLength(1);
    } finally {
      await boss.offWork(OUTBOX_QUEUE, { id: worker });
    }
  }, 30_000);

  it('retries a temporary SMTP refusal and marks a permanent one failed with the server’s reason', async () => {
    const customer = await insertTestCustomer(getDb(), businessId, { name: 'Ret Testi', emails: ['ret@example.test'] });
    const temporary = await send(customer.id, 'Geçici', 'x');
    rejectNext = 451;
    await expect(deliverOutboxMessage({ businessId, id: temporary.outboxId })).rejects.toThrow(/451|Try again/);
    expect(await outboxRow(temporary.outboxId)).toMatchObject({ status: 'queued', attempts: 1, error: expect.stringContaining('Try again later') });
    expect(await deliverOutboxMessage({ businessId, id: temporary.outboxId })).toBe('sent');
    expect(await outboxRow(temporary.outboxId)).toMatchObject({ status: 'sent', attempts: 2, error: null });

    const permanent = await send(customer.id, 'Kalıcı', 'y');
    rejectNext = 550;
    expect(await deliverOutboxMessage({ businessId, id: permanent.outboxId })).toBe('failed');
    expect(await outboxRow(permanent.outboxId)).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('Mailbox unavailable') });
  });

  it('holds the message in the outbox when no SMTP server is configured', async () => {
    delete process.env.SMTP_URL;
    try {
      const customer = await insertTestCustomer(getDb(), businessId, { name: 'Bekleyen', emails: ['bekleyen@example.test'] });
      const sent = await send(customer.id, 'Bekleyen ileti', 'Giden kutusunda kalır.');
      expect(sent.status).toBe('held');
      expect(await outboxRow(sent.outboxId)).toMatchObject({ status: 'held', provider: null });
      expect(await (await getBoss()).findJobs(OUTBOX_QUEUE, { id: sent.outboxId })).toEqual([]);
      expect(await deliverOutboxMessage({ businessId, id: sent.outboxId })).toBe('already-done');
    } finally {
      process.env.SMTP_URL = smtpUrl;
    }
  });

  it('refuses a customer without an e-mail address and writes nothing', async () => {
    const db = getDb();
    const customer = await insertTestCustomer(db, businessId, { name: 'Adressiz' });
    const result = await runOperation(sendEmailOperation, ctx, { customerId: customer.id, subject: 'x', body: 'y' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', message: 'interactions.errors.noEmail' });
    expect((await findInteractions(db, ctx, { customerId: customer.id })).data).toEqual([]);
    const rows = await db.select().from(interactions).where(eq(interactions.businessId, businessId));
    expect(rows.every((r) => r.type === 'email')).toBe(true);
  });
});

/** A manager, who may write templates (sales may only read them). */
async function ownerCtx(): Promise<Ctx> {
  const db = getDb();
  const manager = await addPersonnel(db, businessId, { role: 'manager' });
  return contextFor(db, manager.user!.id, ctx.businessSlug);
}

function decodeHeader(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, charset: string, kind: string, data: string) => {
      const decoder = new TextDecoder(charset.toLowerCase());
      if (kind.toUpperCase() === 'B') return decoder.decode(Buffer.from(data, 'base64'));
      const bytes = data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
      return decoder.decode(Buffer.from(bytes, 'latin1'));
    })
    .replace(/^"(.*)"(\s*<)/, '$1$2');
}
