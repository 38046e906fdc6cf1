/**
 * SMS through the NetGSM adapter against a local HTTP server that speaks NetGSM's REST v2
 * protocol (Basic auth, JSON body, `{ code: "00", jobid }`), and through the outbox by default.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { outboxMessages } from '@/server/db/schema';
import { runOperation } from '@/server/actions/operation';
import type { Ctx } from '@/server/auth/context';
import { stopBoss } from '@/server/jobs/boss';
import { getSmsProvider, SmsError } from '@/server/sms';
import { netgsmProvider } from '@/server/sms/netgsm';
import { contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { sendSmsOperation } from './operations';
import { deliverOutboxMessage } from './outbox';
import { findInteractions } from './queries';

type Seen = { authorization: string | undefined; contentType: string | undefined; body: unknown };
const seen: Seen[] = [];
/** What the fake NetGSM answers next: a code (with HTTP status), or a broken answer. */
let nextAnswer: { status: number; body: string } | null = null;
let server: http.Server;
let url: string;

const USER = '8503001122';
const PASSWORD = 'Gizli:Şifre-1';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      seen.push({ authorization: req.headers.authorization, contentType: req.headers['content-type'], body });
      const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
      const reply = (status: number, json: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(typeof json === 'string' ? json : JSON.stringify(json));
      };
      if (req.method !== 'POST' || req.url !== '/sms/rest/v2/send') return reply(404, { code: '70', description: 'not found' });
      if (req.headers.authorization !== expected) return reply(406, { code: '30', description: 'Geçersiz kullanıcı adı, şifre' });
      if (nextAnswer) {
        const answer = nextAnswer;
        nextAnswer = null;
        return reply(answer.status, answer.body);
      }
      reply(200, { code: '00', jobid: `17${seen.length}000123`, description: 'queued' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/rest/v2/send`;
});

afterAll(async () => {
  for (const key of ['SMS_PROVIDER', 'NETGSM_USERCODE', 'NETGSM_PASSWORD', 'NETGSM_HEADER', 'NETGSM_URL']) delete process.env[key];
  await stopBoss();
  await closeDb();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const provider = () => netgsmProvider({ usercode: USER, password: PASSWORD, header: 'GUNESCICEK', url });

describe('NetGSM adapter', () => {
  it('posts the message with Basic auth and Turkish letters intact, and answers the job id', async () => {
    const text = 'Sayın Çağrı Işık, siparişiniz hazır. Güle güle kullanın! ğüşöçİı';
    const result = await provider().send('+905321234567', text);
    expect(result.providerMessageId).toMatch(/^17\d+000123$/);
    const request = seen[seen.length - 1]!;
    expect(request.authorization).toBe(`Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`);
    expect(request.contentType).toMatch(/^application\/json/);
    expect(request.body).toEqual({
      msgheader: 'GUNESCICEK',
      messages: [{ msg: text, no: '905321234567' }],
      encoding: 'TR',
      iysfilter: '0',
    });
  });

  it('turns NetGSM error codes into readable errors, permanent or temporary', async () => {
    const wrong = netgsmProvider({ usercode: USER, password: 'yanlış', header: 'GUNESCICEK', url });
    const auth = await wrong.send('+905321234567', 'x').catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(SmsError);
    expect(auth).toMatchObject({ code: '30', permanent: true, message: expect.stringContaining('credentials') });

    nextAnswer = { status: 406, body: JSON.stringify({ code: '40', description: 'header' }) };
    await expect(provider().send('+905321234567', 'x')).rejects.toMatchObject({ code: '40', permanent: true, message: expect.stringContaining('NETGSM_HEADER') });

    nextAnswer = { status: 200, body: JSON.stringify({ code: '100', description: 'system' }) };
    await expect(provider().send('+905321234567', 'x')).rejects.toMatchObject({ code: '100', permanent: false });

    nextAnswer = { status: 502, body: '<html>Bad gateway</html>' };
    await expect(provider().send('+905321234567', 'x')).rejects.toMatchObject({ code: 'http-502', permanent: false });

    const unreachable = netgsmProvider({ usercode: USER, password: PASSWORD, header: 'H', url: 'http://127.0.0.1:1/sms/rest/v2/send' });
    await expect(unreachable.send('+905321234567', 'x')).rejects.toMatchObject({ code: 'network', permanent: false });
  });

  it('is chosen by SMS_PROVIDER=netgsm with its settings; the outbox otherwise', () => {
    expect(getSmsProvider({}).name).toBe('outbox');
    expect(getSmsProvider({ SMS_PROVIDER: 'netgsm' }).name).toBe('outbox');
    const chosen = getSmsProvider({ SMS_PROVIDER: 'netgsm', NETGSM_USERCODE: 'u', NETGSM_PASSWORD: 'p', NETGSM_HEADER: 'h', NETGSM_URL: url });
    expect(chosen).toMatchObject({ name: 'netgsm', holds: false });
  });
});

describe('sending an SMS to a customer', () => {
  let ctx: Ctx;
  let businessId: string;

  beforeAll(async () => {
    const db = getDb();
    const owner = await createUser(db, { name: 'Mehmet Güneş' });
    const business = await createTestBusiness(db, owner, { name: 'SMS Dükkânı' });
    businessId = business.id;
    ctx = await contextFor(db, owner.id, business.slug);
  });

  const row = async (id: string) =>
    (await getDb().select().from(outboxMessages).where(and(eq(outboxMessages.businessId, businessId), eq(outboxMessages.id, id))))[0]!;

  it('holds it in the outbox with no provider configured, and logs the interaction', async () => {
    const customer = await insertTestCustomer(getDb(), businessId, { name: 'Ömer Çelik', phones: ['+905551112233'] });
    const result = await runOperation(sendSmsOperation, ctx, { customerId: customer.id, body: 'Merhaba {{customer.firstName}}, {{business.name}}' });
    expect(result).toMatchObject({ ok: true, message: 'interactions.smsHeld', data: { status: 'held' } });
    const { outboxId } = (result as { data: { outboxId: string } }).data;
    expect(await row(outboxId)).toMatchObject({ channel: 'sms', toAddress: '+905551112233', body: 'Merhaba Ömer, SMS Dükkânı', status: 'held' });
    const [logged] = (await findInteractions(getDb(), ctx, { customerId: customer.id })).data;
    expect(logged).toMatchObject({ type: 'sms', direction: 'outbound', body: 'Merhaba Ömer, SMS Dükkânı' });
  });

  it('sends it through NetGSM when configured, and marks a refused one failed with the reason', async () => {
    Object.assign(process.env, { SMS_PROVIDER: 'netgsm', NETGSM_USERCODE: USER, NETGSM_PASSWORD: PASSWORD, NETGSM_HEADER: 'SMSDUKKAN', NETGSM_URL: url });
    const customer = await insertTestCustomer(getDb(), businessId, { name: 'Şule Ağaoğlu', phones: ['+905329998877'] });
    const ok = await runOperation(sendSmsOperation, ctx, { customerId: customer.id, body: 'Randevunuz yarın, {{customer.firstName}} Hanım.' });
    expect(ok).toMatchObject({ ok: true, message: 'interactions.smsQueued', data: { status: 'queued' } });
    const okId = (ok as { data: { outboxId: string } }).data.outboxId;
    expect(await deliverOutboxMessage({ businessId, id: okId })).toBe('sent');
    expect(await deliverOutboxMessage({ businessId, id: okId })).toBe('already-done');
    const sentRow = await row(okId);
    expect(sentRow).toMatchObject({ status: 'sent', provider: 'netgsm', attempts: 1 });
    expect(sentRow.providerMessageId).toMatch(/000123$/);
    expect(seen.filter((s) => JSON.stringify(s.body).includes('Randevunuz yarın, Şule Hanım.'))).toHaveLength(1);
    expect(seen[seen.length - 1]!.body).toMatchObject({ msgheader: 'SMSDUKKAN', messages: [{ no: '905329998877' }] });

    const refused = await runOperation(sendSmsOperation, ctx, { customerId: customer.id, body: 'İkinci ileti' });
    const refusedId = (refused as { data: { outboxId: string } }).data.outboxId;
    nextAnswer = { status: 406, body: JSON.stringify({ code: '20', description: 'msg' }) };
    expect(await deliverOutboxMessage({ businessId, id: refusedId })).toBe('failed');
    expect(await row(refusedId)).toMatchObject({ status: 'failed', error: expect.stringContaining('code 20') });
  });

  it('refuses a customer without a phone number', async () => {
    const customer = await insertTestCustomer(getDb(), businessId, { name: 'Telefonsuz' });
    expect(await runOperation(sendSmsOperation, ctx, { customerId: customer.id, body: 'x' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: 'interactions.errors.noPhone',
    });
  });
});
