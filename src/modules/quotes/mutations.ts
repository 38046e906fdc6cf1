import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { businesses, customers, deals, quoteItems, quotes } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { authorize } from '@/server/auth/authorize';
import { publishEvent } from '@/server/events/publish';
import { appUrl } from '@/server/auth/auth';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { MESSAGES } from '@/i18n/messages';
import { emitChange } from '@/server/events/domain';
import { sendDocumentEmail, logCustomerNote } from '@/modules/interactions';
import type { createQuoteSchema, QuoteItemInput, updateQuoteSchema } from './schemas';
import { effectiveStatusSql } from './queries';
import { formatMoney, lineAmounts, orderTotals } from '@/lib/money';
import { quoteNumberText } from './number';

type Item = Required<Pick<QuoteItemInput, 'name' | 'quantityMilli' | 'unitPriceMinor' | 'discountBp' | 'vatRateBp'>>;

export function hashQuoteToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Fills a `{name}` message with values (the mail and timeline texts are written on the server). */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/**
 * The deal, locked, if the caller may do `action` to its quotes: quotes follow the deals row of
 * the permission table, and "own" means the deal's owner is the caller (checked in the WHERE).
 */
async function lockDeal(tx: Transaction, ctx: Ctx, dealId: string, action: 'create' | 'update' | 'delete') {
  const scope = authorize(ctx, 'deals', action);
  const where = and(eq(deals.businessId, ctx.businessId), eq(deals.id, dealId));
  const [deal] = await tx
    .select({ id: deals.id, currency: deals.currency, customerId: deals.customerId, ownerId: deals.ownerId })
    .from(deals)
    .where(scope === 'own' ? and(where, eq(deals.ownerId, ctx.personnelId)) : where)
    .for('update');
  if (deal) return deal;
  if (scope === 'own') {
    const [exists] = await tx.select({ id: deals.id }).from(deals).where(where);
    if (exists) throw new AppError('FORBIDDEN', 'quotes.errors.notOwn');
  }
  throw new AppError('NOT_FOUND', 'errors.NOT_FOUND', { dealId: 'invalid' });
}

async function lockQuote(tx: Transaction, ctx: Ctx, id: string, action: 'update' | 'delete') {
  const [ref] = await tx
    .select({ dealId: quotes.dealId })
    .from(quotes)
    .where(and(eq(quotes.businessId, ctx.businessId), eq(quotes.id, id)));
  if (!ref) throw new AppError('NOT_FOUND');
  // The deal first, then the quote: the same order as creating one, so two writers cannot deadlock.
  const deal = await lockDeal(tx, ctx, ref.dealId, action);
  const [quote] = await tx
    .select()
    .from(quotes)
    .where(and(eq(quotes.businessId, ctx.businessId), eq(quotes.id, id)))
    .for('update');
  if (!quote) throw new AppError('NOT_FOUND');
  return { deal, quote };
}

async function writeItems(tx: Transaction, businessId: string, quoteId: string, items: readonly Item[]) {
  await tx.delete(quoteItems).where(and(eq(quoteItems.businessId, businessId), eq(quoteItems.quoteId, quoteId)));
  if (items.length === 0) return;
  await tx.insert(quoteItems).values(
    items.map((item, position) => ({ businessId, quoteId, position, ...item, ...withoutTotal(lineAmounts(item)) })),
  );
}

function withoutTotal(a: ReturnType<typeof lineAmounts>) {
  return { lineSubtotalMinor: a.lineSubtotalMinor, lineDiscountMinor: a.lineDiscountMinor, lineVatMinor: a.lineVatMinor };
}

function totalsOf(items: readonly Item[]) {
  try {
    const { subtotalMinor, discountMinor, vatMinor, totalMinor } = orderTotals(items);
    return { subtotalMinor, discountMinor, vatMinor, totalMinor };
  } catch {
    throw new AppError('VALIDATION', 'errors.VALIDATION', { items: 'invalid' });
  }
}

export async function createQuote(db: Executor, ctx: Ctx, input: z.output<typeof createQuoteSchema>): Promise<{ id: string; number: number }> {
  const id = newId();
  const totals = totalsOf(input.items);
  return db.transaction(async (tx) => {
    const deal = await lockDeal(tx, ctx, input.dealId, 'create');
    // Numbers are per business and without gaps from races: one allocator at a time per business.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`quotes:${ctx.businessId}`}, 0))`);
    const [next] = await tx
      .select({ n: sql<number>`coalesce(max(${quotes.number}), 0)::int + 1` })
      .from(quotes)
      .where(eq(quotes.businessId, ctx.businessId));
    const number = next?.n ?? 1;
    await tx.insert(quotes).values({
      businessId: ctx.businessId,
      id,
      dealId: deal.id,
      number,
      language: input.language,
      currency: deal.currency,
      validUntil: input.validUntil,
      notes: input.notes,
      ...totals,
    });
    await writeItems(tx, ctx.businessId, id, input.items);
    await emitChange(tx, ctx, { action: 'create', entityType: 'quote', entityId: id, meta: { dealId: deal.id, number } });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'quote.created', id, actorUserId: ctx.userId });
    return { id, number };
  });
}

/** Edits a draft; a sent quote is what the customer saw, so it is not changed under them. */
export async function updateQuote(db: Executor, ctx: Ctx, input: z.output<typeof updateQuoteSchema>): Promise<{ version: number; number: number }> {
  const totals = totalsOf(input.items);
  return db.transaction(async (tx) => {
    const { quote } = await lockQuote(tx, ctx, input.id, 'update');
    if (quote.version !== input.version) throw new AppError('CONFLICT', 'errors.STALE');
    if (quote.status !== 'draft') throw new AppError('CONFLICT', 'quotes.errors.notDraft');
    const [row] = await tx
      .update(quotes)
      .set({ language: input.language, validUntil: input.validUntil, notes: input.notes, ...totals, version: sql`${quotes.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(quotes.businessId, ctx.businessId), eq(quotes.id, input.id)))
      .returning({ version: quotes.version });
    await writeItems(tx, ctx.businessId, input.id, input.items);
    await emitChange(tx, ctx, { action: 'update', entityType: 'quote', entityId: input.id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'quote.updated', id: input.id, actorUserId: ctx.userId });
    return { version: row!.version, number: quote.number };
  });
}

export async function deleteQuote(db: Executor, ctx: Ctx, id: string): Promise<{ number: number }> {
  return db.transaction(async (tx) => {
    const { quote } = await lockQuote(tx, ctx, id, 'delete');
    await tx.delete(quotes).where(and(eq(quotes.businessId, ctx.businessId), eq(quotes.id, id)));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'quote', entityId: id, meta: { number: quote.number } });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'quote.deleted', id, actorUserId: ctx.userId });
    return { number: quote.number };
  });
}

/**
 * E-mails the quote with its PDF to the deal's customer and marks it sent; until the mail server
 * accepts the e-mail the quote reads as the e-mail's state (see effectiveStatusSql). A new link token is made
 * on every send (only its SHA-256 is stored), so an earlier e-mail's link stops working. The mail
 * goes through the interactions outbox in this transaction: it is on the customer's timeline as an
 * e-mail, and the job renders the PDF when it sends.
 */
export async function sendQuote(db: Executor, ctx: Ctx, id: string): Promise<{ number: number; email: string; token: string; outboxId: string; status: 'queued' | 'held' }> {
  return db.transaction(async (tx) => {
    const { deal, quote } = await lockQuote(tx, ctx, id, 'update');
    if (quote.status !== 'draft' && quote.status !== 'sent') throw new AppError('CONFLICT', 'quotes.errors.cannotSend');
    if (quote.totalMinor === 0 && quote.subtotalMinor === 0) {
      const [item] = await tx.select({ p: quoteItems.position }).from(quoteItems).where(and(eq(quoteItems.businessId, ctx.businessId), eq(quoteItems.quoteId, id))).limit(1);
      if (!item) throw new AppError('VALIDATION', 'quotes.errors.noItems', { items: 'required' });
    }
    if (!deal.customerId) throw new AppError('VALIDATION', 'quotes.errors.noCustomer', { customerId: 'required' });
    const [customer] = await tx
      .select({ name: customers.name, email: sql<string | null>`${customers.emails}[1]` })
      .from(customers)
      .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, deal.customerId)));
    if (!customer?.email) throw new AppError('VALIDATION', 'quotes.errors.noEmail', { customerId: 'email' });
    const [business] = await tx.select({ name: businesses.name }).from(businesses).where(eq(businesses.id, ctx.businessId));

    const token = randomBytes(32).toString('base64url');
    await tx
      .update(quotes)
      .set({ status: 'sent', sentAt: sql`now()`, respondedAt: null, publicTokenHash: hashQuoteToken(token), version: sql`${quotes.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(quotes.businessId, ctx.businessId), eq(quotes.id, id)));

    const lang = quote.language === 'en' ? 'en' : 'tr';
    const t = MESSAGES[lang].quotes.mail;
    const values = {
      business: business?.name ?? '',
      customer: customer.name,
      number: quoteNumberText(quote.number),
      total: formatMoney(quote.totalMinor, quote.currency, lang),
      link: `${appUrl()}/q/${token}`,
    };
    const sent = await sendDocumentEmail(tx, ctx, {
      customerId: deal.customerId,
      to: customer.email,
      subject: fill(t.subject, values),
      body: fill(t.body, values),
      attachments: [{ kind: 'quote', id }],
    });
    await tx.update(quotes).set({ sentMessageId: sent.outboxId }).where(and(eq(quotes.businessId, ctx.businessId), eq(quotes.id, id)));
    await emitChange(tx, ctx, { action: 'update', entityType: 'quote', entityId: id, meta: { sent: true } });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'quote.updated', id, actorUserId: ctx.userId });
    return { number: quote.number, email: customer.email, token, outboxId: sent.outboxId, status: sent.status };
  });
}

/**
 * The customer's answer through the public link: only while the quote is sent and not past its
 * last valid day. Recorded on the quote (status, responded_at) and, as a note without an author,
 * on the customer's timeline, in one transaction.
 */
export async function respondToQuote(db: Executor, token: string, decision: 'accepted' | 'rejected'): Promise<{ status: 'accepted' | 'rejected' }> {
  const tokenHash = hashQuoteToken(token);
  return db.transaction(async (tx) => {
    const [quote] = await tx
      .select({ businessId: quotes.businessId, id: quotes.id, number: quotes.number, dealId: quotes.dealId, status: effectiveStatusSql(), language: quotes.language })
      .from(quotes)
      .innerJoin(businesses, eq(businesses.id, quotes.businessId))
      .where(eq(quotes.publicTokenHash, tokenHash))
      .for('update', { of: quotes });
    if (!quote) throw new AppError('NOT_FOUND');
    if (quote.status !== 'sent') throw new AppError('CONFLICT', 'quotes.public.notAvailable');
    const now = new Date();
    await tx
      .update(quotes)
      .set({ status: decision, respondedAt: now, version: sql`${quotes.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(quotes.businessId, quote.businessId), eq(quotes.id, quote.id)));
    const [deal] = await tx
      .select({ customerId: deals.customerId })
      .from(deals)
      .where(and(eq(deals.businessId, quote.businessId), eq(deals.id, quote.dealId)));
    if (deal?.customerId) {
      // The business's people read the timeline: its note is in the quote's language, the
      // customer's, as a record of what they answered.
      const t = MESSAGES[quote.language === 'en' ? 'en' : 'tr'].quotes.timeline;
      const number = quoteNumberText(quote.number);
      await logCustomerNote(tx, quote.businessId, {
        customerId: deal.customerId,
        subject: fill(decision === 'accepted' ? t.acceptedSubject : t.rejectedSubject, { number }),
        body: t.body,
        occurredAt: now,
      });
    }
    await emitChange(tx, { businessId: quote.businessId, userId: null }, { action: 'update', entityType: 'quote', entityId: quote.id, meta: { decision } });
    await publishEvent(tx, { businessId: quote.businessId, kind: 'quote.updated', id: quote.id, actorUserId: null });
    return { status: decision };
  });
}
