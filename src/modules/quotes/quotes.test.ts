/**
 * Quotes against the real database, pg-boss and a real SMTP server: numbering under concurrency,
 * stale edits, "own" deals for sales, the PDF with Turkish text, sending with the PDF attached,
 * and the customer's answer through the public link.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { closeDb, getDb } from '@/server/db/client';
import { interactionCustomers, interactions, outboxMessages, quotes } from '@/server/db/schema';
import { runOperation } from '@/server/actions/operation';
import type { Ctx } from '@/server/auth/context';
import { stopBoss } from '@/server/jobs/boss';
import { deliverOutboxMessage } from '@/modules/interactions/outbox';
import { findInteractions } from '@/modules/interactions';
import { decodeEncodedWords, parseMessage } from '../../../e2e/support/mail';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { insertTestDeal } from '../../../tests/factories/quotes';
import { createQuoteOperation, deleteQuoteOperation, sendQuoteOperation, updateQuoteOperation } from './operations';
import { hashQuoteToken, respondToQuote, sendQuote } from './mutations';
import { findQuotes, getQuote, getQuoteDocument, getQuoteDocumentByTokenHash } from './queries';
import { renderQuotePdf } from './pdf';
import { parseMoney } from '@/lib/money';

type Received = { to: string[]; raw: string };
const received: Received[] = [];
let smtp: SMTPServer;
let owner: Ctx;
let sales: Ctx;
let viewer: Ctx;
let other: Ctx;
let customerId: string;

const TURKISH = 'Çağrı merkezi kurulumu — ğĞıİşŞçÇöÖüÜ';
const items = [
  { name: TURKISH, quantityMilli: 2000, unitPriceMinor: 150_000, discountBp: 1000, vatRateBp: 2000 },
  { name: 'Yıllık bakım', quantityMilli: 1500, unitPriceMinor: 3333, discountBp: 0, vatRateBp: 1000 },
];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.MAIL_FROM = 'Tezgah <gonderen@tezgah.test>';

  const db = getDb();
  const user = await createUser(db, { name: 'Ayşe Yılmaz' });
  const business = await createTestBusiness(db, user, { name: 'Güneş Yazılım Ltd. Şti.' });
  owner = await contextFor(db, user.id, business.slug);
  const s = await addPersonnel(db, business.id, { role: 'sales', name: 'İlker Şen' });
  sales = await contextFor(db, s.user!.id, business.slug);
  const v = await addPersonnel(db, business.id, { role: 'viewer' });
  viewer = await contextFor(db, v.user!.id, business.slug);
  const otherUser = await createUser(db, {});
  const otherBusiness = await createTestBusiness(db, otherUser, {});
  other = await contextFor(db, otherUser.id, otherBusiness.slug);
  customerId = (await insertTestCustomer(db, business.id, { name: 'Özlem Çelik', emails: ['ozlem@musteri.test'] })).id;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await stopBoss();
  await closeDb();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function newQuote(ctx: Ctx, dealId: string, extra: Record<string, unknown> = {}) {
  const result = await runOperation(createQuoteOperation, ctx, { dealId, items, validUntil: '2099-12-31', ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

describe('quotes', () => {
  it('stores integer totals computed per line', async () => {
    const deal = await insertTestDeal(getDb(), owner.businessId, { customerId });
    const { id } = await newQuote(owner, deal.id);
    const q = await getQuote(getDb(), owner, id);
    // 2 × 1500.00 = 3000.00, −10% = 300.00, VAT 20% of 2700.00 = 540.00
    // 1.5 × 33.33 = 49.995 → 50.00 (half away from zero), VAT 10% = 5.00
    expect(q).toMatchObject({ subtotalMinor: 305_000, discountMinor: 30_000, vatMinor: 54_500, totalMinor: 329_500, currency: 'TRY', status: 'draft', language: 'tr' });
  });

  it('totals a quote in the currency’s own minor units: KWD with three decimals, JPY with none', async () => {
    const pdfText = async (id: string, language: 'tr' | 'en') => {
      const doc = await getQuoteDocument(getDb(), owner, id);
      const pdf = await renderQuotePdf({ ...doc, quote: { ...doc.quote, language } });
      return (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;
    };
    // "1.234" typed in English for a dinar price is 1.234 KWD, not 1234 KWD.
    const kwdPrice = parseMoney('1.234', 'KWD', 'en');
    expect(kwdPrice).toBe(1234);
    const kwdDeal = await insertTestDeal(getDb(), owner.businessId, { customerId, currency: 'KWD' });
    const kwd = await newQuote(owner, kwdDeal.id, { items: [{ name: 'Danışmanlık', quantityMilli: 1500, unitPriceMinor: kwdPrice, discountBp: 1000, vatRateBp: 500 }] });
    // 1.5 × 1.234 = 1.851; −10% = 0.1851 → 0.185; VAT 5% of 1.666 = 0.0833 → 0.083; total 1.749
    expect(await getQuote(getDb(), owner, kwd.id)).toMatchObject({ currency: 'KWD', subtotalMinor: 1851, discountMinor: 185, vatMinor: 83, totalMinor: 1749 });
    expect(await pdfText(kwd.id, 'en')).toMatch(/KWD\s1\.749/);
    expect(await pdfText(kwd.id, 'tr')).toMatch(/KWD\s1,749/);

    const jpyDeal = await insertTestDeal(getDb(), owner.businessId, { customerId, currency: 'JPY' });
    const jpy = await newQuote(owner, jpyDeal.id, { items: [{ name: 'Lisans', quantityMilli: 3000, unitPriceMinor: parseMoney('1.500', 'JPY', 'tr')!, discountBp: 0, vatRateBp: 1000 }] });
    expect(await getQuote(getDb(), owner, jpy.id)).toMatchObject({ currency: 'JPY', subtotalMinor: 4500, vatMinor: 450, totalMinor: 4950 });
    expect(await pdfText(jpy.id, 'en')).toContain('¥4,950');
    expect(await pdfText(jpy.id, 'en')).not.toContain('¥49.50');
  });

  it('numbers quotes per business without duplicates under concurrency', async () => {
    const deal = await insertTestDeal(getDb(), owner.businessId, { customerId });
    const results = await Promise.all(Array.from({ length: 6 }, () => newQuote(owner, deal.id)));
    const numbers = results.map((r) => r.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(6);
    expect(numbers[5]! - numbers[0]!).toBe(5);
    const first = await newQuote(other, (await insertTestDeal(getDb(), other.businessId)).id);
    expect(first.number).toBe(1);
  });

  it('refuses a stale edit, edits only drafts, and validates lines', async () => {
    const deal = await insertTestDeal(getDb(), owner.businessId, { customerId });
    const { id } = await newQuote(owner, deal.id);
    const ok = await runOperation(updateQuoteOperation, owner, { id, version: 1, items: [items[1]], language: 'en' });
    expect(ok.ok).toBe(true);
    const stale = await runOperation(updateQuoteOperation, owner, { id, version: 1, items: [] });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    const bad = await runOperation(createQuoteOperation, owner, { dealId: deal.id, items: [{ name: '', quantityMilli: 0, unitPriceMinor: -1, vatRateBp: 20000 }] });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(Object.keys((bad as { fields: object }).fields)).toEqual(expect.arrayContaining(['items.0.name', 'items.0.quantityMilli']));
    const q = await getQuote(getDb(), owner, id);
    expect(q).toMatchObject({ language: 'en', totalMinor: 5500, version: 2 });
  });

  it('lets sales change only the quotes of their own deals, viewers none, other businesses nothing', async () => {
    const mine = await insertTestDeal(getDb(), owner.businessId, { customerId, ownerId: sales.personnelId });
    const theirs = await insertTestDeal(getDb(), owner.businessId, { customerId });
    const a = await newQuote(sales, mine.id);
    const b = await newQuote(sales, theirs.id); // create is allowed on any deal
    expect((await runOperation(updateQuoteOperation, sales, { id: a.id, version: 1, items })).ok).toBe(true);
    expect(await runOperation(updateQuoteOperation, sales, { id: b.id, version: 1, items })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runOperation(deleteQuoteOperation, sales, { id: b.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runOperation(createQuoteOperation, viewer, { dealId: mine.id, items })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runOperation(deleteQuoteOperation, other, { id: a.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(getQuote(getDb(), other, a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await findQuotes(getDb(), viewer, { dealId: mine.id })).map((q) => q.id)).toEqual([a.id]);
    expect((await runOperation(deleteQuoteOperation, sales, { id: a.id })).ok).toBe(true);
  });

  it('renders a PDF with every Turkish letter', async () => {
    const deal = await insertTestDeal(getDb(), owner.businessId, { customerId });
    const { id } = await newQuote(owner, deal.id, { notes: 'Teslim süresi: iki hafta. Ödeme peşin.' });
    const pdf = await renderQuotePdf(await getQuoteDocument(getDb(), owner, id));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain('ğĞıİşŞçÇöÖüÜ');
    expect(text).toContain('Güneş Yazılım Ltd. Şti.');
    expect(text).toContain('Özlem Çelik');
    expect(text).toContain('Genel toplam');
    expect(text).toContain('Ödeme peşin');
    expect(text).toMatch(/3\.295,00/);
    const en = await renderQuotePdf({ ...(await getQuoteDocument(getDb(), owner, id)), quote: { ...(await getQuote(getDb(), owner, id)), language: 'en' } });
    const enText = (await extractText(await getDocumentProxy(new Uint8Array(en)), { mergePages: true })).text;
    expect(enText).toContain('Subtotal');
    expect(enText).toContain('3,295.00');
  });

  it('sends the quote by e-mail with the PDF attached and logs it; the public link answers once', async () => {
    const deal = await insertTestDeal(getDb(), owner.businessId, { customerId, ownerId: sales.personnelId });
    const { id, number } = await newQuote(sales, deal.id);
    const sent = await sendQuote(getDb(), sales, id);
    expect(sent.email).toBe('ozlem@musteri.test');
    const [row] = await getDb().select().from(outboxMessages).where(and(eq(outboxMessages.businessId, owner.businessId), eq(outboxMessages.id, sent.outboxId)));
    expect(row).toMatchObject({ status: 'queued', attachments: [{ kind: 'quote', id }] });
    // The job of the outbox queue, run here directly (the worker runs it in the app).
    expect(await deliverOutboxMessage({ businessId: owner.businessId, id: sent.outboxId })).toBe('sent');
    const mail = received.find((m) => m.to.includes('ozlem@musteri.test'));
    expect(mail).toBeDefined();
    const parsed = parseMessage(mail!.raw);
    const subject = decodeEncodedWords(parsed.headers.get('subject') ?? '');
    expect(subject).toBe(`Güneş Yazılım Ltd. Şti. firmasından #${String(number).padStart(4, '0')} numaralı teklif`);
    expect(parsed.text).toContain(`/q/${sent.token}`);
    expect(mail!.raw).toMatch(/Content-Type: application\/pdf;\s*name=teklif-\d{4}\.pdf/);
    const base64 = /Content-Disposition: attachment;[^\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(mail!.raw.slice(mail!.raw.indexOf('application/pdf')));
    expect(Buffer.from(base64![1]!.replace(/\s/g, ''), 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Only the hash is stored; the token finds this quote and no other.
    const [stored] = await getDb().select({ hash: quotes.publicTokenHash, status: quotes.status }).from(quotes).where(eq(quotes.id, id));
    expect(stored).toEqual({ hash: hashQuoteToken(sent.token), status: 'sent' });
    expect((await getQuoteDocumentByTokenHash(getDb(), hashQuoteToken(sent.token)))?.quote.id).toBe(id);
    expect(await getQuoteDocumentByTokenHash(getDb(), hashQuoteToken(`${sent.token}x`))).toBeNull();
    await expect(respondToQuote(getDb(), 'x'.repeat(43), 'accepted')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    expect(await respondToQuote(getDb(), sent.token, 'accepted')).toEqual({ status: 'accepted' });
    await expect(respondToQuote(getDb(), sent.token, 'rejected')).rejects.toMatchObject({ code: 'CONFLICT' });
    const after = await getQuote(getDb(), owner, id);
    expect(after.status).toBe('accepted');
    expect(after.respondedAt).toBeInstanceOf(Date);
    // The timeline has the e-mail and the customer's answer.
    const timeline = await getDb()
      .select({ type: interactions.type, subject: interactions.subject })
      .from(interactionCustomers)
      .innerJoin(interactions, and(eq(interactions.businessId, interactionCustomers.businessId), eq(interactions.id, interactionCustomers.interactionId)))
      .where(and(eq(interactionCustomers.businessId, owner.businessId), eq(interactionCustomers.customerId, customerId)));
    expect(timeline).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'email', subject }), expect.objectContaining({ type: 'note', subject: `#${String(number).padStart(4, '0')} numaralı teklif kabul edildi` })]));
    // An accepted quote is not sent again.
    expect(await runOperation(sendQuoteOperation, sales, { id })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('follows its e-mail: held with no mail server, queued, sent only once the server accepted it, or failed; timelines show it with the PDF', async () => {
    const deal = await insertTestDeal(getDb(), owner.businessId, { customerId });
    const { id } = await newQuote(owner, deal.id);
    const smtpUrl = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    let held;
    try {
      held = await runOperation(sendQuoteOperation, owner, { id });
    } finally {
      process.env.SMTP_URL = smtpUrl;
    }
    // Nothing went out: the toast says it is held, and so does the quote.
    expect(held).toMatchObject({ ok: true, message: 'quotes.held', data: { status: 'held' } });
    expect((await getQuote(getDb(), owner, id)).status).toBe('held');
    expect((await findQuotes(getDb(), owner, { dealId: deal.id }))[0]?.status).toBe('held');
    const timeline = await findInteractions(getDb(), owner, { customerId, limit: 5 });
    const entry = timeline.data.find((i) => i.type === 'email' && i.message?.attachments.some((a) => a.id === id));
    expect(entry?.message).toEqual({ status: 'held', attachments: [{ kind: 'quote', id }] });

    // Sent again with a mail server: queued until the server accepts it, then sent.
    const queued = await runOperation(sendQuoteOperation, owner, { id });
    expect(queued).toMatchObject({ ok: true, message: 'quotes.queued', data: { status: 'queued' } });
    expect((await getQuote(getDb(), owner, id)).status).toBe('queued');
    const outboxId = (queued as { data: { outboxId: string } }).data.outboxId;
    expect(await deliverOutboxMessage({ businessId: owner.businessId, id: outboxId })).toBe('sent');
    expect((await getQuote(getDb(), owner, id)).status).toBe('sent');
    const after = await findInteractions(getDb(), owner, { customerId, limit: 5 });
    expect(after.data.find((i) => i.message && i.message.status === 'sent' && i.message.attachments.some((a) => a.id === id))).toBeDefined();

    // A server that refuses it for good: failed.
    const refused = await sendQuote(getDb(), owner, id);
    await getDb().update(outboxMessages).set({ status: 'failed', error: 'SMTP: 550' }).where(eq(outboxMessages.id, refused.outboxId));
    expect((await getQuote(getDb(), owner, id)).status).toBe('failed');
    // A customer cannot answer a quote whose e-mail never went out.
    await expect(respondToQuote(getDb(), refused.token, 'accepted')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('shows a sent quote past its last day as expired and refuses an answer', async () => {
    const deal = await insertTestDeal(getDb(), owner.businessId, { customerId });
    const { id } = await newQuote(owner, deal.id);
    const { token, outboxId } = await sendQuote(getDb(), owner, id);
    expect(await deliverOutboxMessage({ businessId: owner.businessId, id: outboxId })).toBe('sent');
    await getDb().execute(sql`update quotes set valid_until = current_date - 2 where id = ${id}`);
    expect((await getQuote(getDb(), owner, id)).status).toBe('expired');
    await expect(respondToQuote(getDb(), token, 'accepted')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses to send without a customer e-mail', async () => {
    const noMail = await insertTestCustomer(getDb(), owner.businessId, { name: 'E-postasız Müşteri' });
    const deal = await insertTestDeal(getDb(), owner.businessId, { customerId: noMail.id });
    const { id } = await newQuote(owner, deal.id);
    expect(await runOperation(sendQuoteOperation, owner, { id })).toMatchObject({ ok: false, code: 'VALIDATION', fields: { customerId: 'email' } });
    expect((await getQuote(getDb(), owner, id)).status).toBe('draft');
  });
});
