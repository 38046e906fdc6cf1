import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { authorize } from '@/server/auth/authorize';
import { findQuotes, getQuote, getQuoteItems, type QuoteRecord } from './queries';
import { QUOTE_LANGUAGES, QUOTE_STATUSES, quoteFieldsSchema, quoteItemSchema } from './schemas';
import { createQuoteOperation, deleteQuoteOperation, sendQuoteOperation, updateQuoteOperation } from './operations';
import { lineAmounts } from '@/lib/money';
import { callOperation, defineEndpoint } from '@/server/api/endpoint';

const money = z.object({ amountMinor: z.number().int().describe('Minor units of the currency, by its ISO 4217 exponent: 1234.56 TRY is 123456, 1500 JPY is 1500, 1.234 KWD is 1234'), currency: z.string().length(3) });

const itemJson = z.object({
  name: z.string(),
  quantityMilli: z.number().int(),
  unitPrice: money,
  discountBp: z.number().int(),
  vatRateBp: z.number().int(),
  subtotal: money,
  discount: money,
  vat: money,
  total: money,
});

export const quoteJson = z.object({
  id: z.uuid(),
  number: z.number().int(),
  dealId: z.uuid(),
  customer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  status: z
    .enum(QUOTE_STATUSES)
    .describe(
      'A sent quote follows its e-mail: `queued` (waiting to go out), `held` (no mail server is set up; the e-mail waits in the outbox), `failed` (the mail server refused it), `sent` (the mail server accepted it). `expired`: sent, and its last valid day has passed',
    ),
  language: z.enum(QUOTE_LANGUAGES),
  validUntil: z.string().nullable(),
  notes: z.string().nullable(),
  subtotal: money,
  discount: money,
  vat: money,
  total: money,
  sentAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  items: z.array(itemJson).optional(),
});

function toJson(q: QuoteRecord, items?: Awaited<ReturnType<typeof getQuoteItems>>): z.infer<typeof quoteJson> {
  const m = (amountMinor: number) => ({ amountMinor, currency: q.currency });
  return {
    id: q.id,
    number: q.number,
    dealId: q.dealId,
    customer: q.customer ? { id: q.customer.id, name: q.customer.name } : null,
    status: q.status,
    language: q.language,
    validUntil: q.validUntil,
    notes: q.notes,
    subtotal: m(q.subtotalMinor),
    discount: m(q.discountMinor),
    vat: m(q.vatMinor),
    total: m(q.totalMinor),
    sentAt: q.sentAt?.toISOString() ?? null,
    respondedAt: q.respondedAt?.toISOString() ?? null,
    version: q.version,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
    ...(items
      ? {
          items: items.map((i) => {
            const a = lineAmounts(i);
            return {
              name: i.name,
              quantityMilli: i.quantityMilli,
              unitPrice: m(i.unitPriceMinor),
              discountBp: i.discountBp,
              vatRateBp: i.vatRateBp,
              subtotal: m(a.lineSubtotalMinor),
              discount: m(a.lineDiscountMinor),
              vat: m(a.lineVatMinor),
              total: m(a.lineTotalMinor),
            };
          }),
        }
      : {}),
  };
}

async function fullJson(ctx: Parameters<typeof getQuote>[1], id: string) {
  const q = await getQuote(getDb(), ctx, id);
  return toJson(q, await getQuoteItems(getDb(), ctx.businessId, id));
}

export const listQuotesEndpoint = defineEndpoint({
  method: 'GET',
  path: '/quotes',
  tag: 'Quotes',
  summary: 'Quotes, newest first; `dealId` narrows to one deal',
  auth: 'any',
  query: z.object({ dealId: z.uuid('invalid').optional() }),
  response: z.object({ data: z.array(quoteJson) }),
  run: async ({ ctx, query }) => {
    authorize(ctx, 'deals', 'read');
    return { data: (await findQuotes(getDb(), ctx, { dealId: query.dealId })).map((q) => toJson(q)) };
  },
});

export const createQuoteEndpoint = defineEndpoint({
  method: 'POST',
  path: '/quotes',
  tag: 'Quotes',
  summary: 'Create a draft quote on a deal; totals are computed per line (VAT rounded half away from zero)',
  auth: 'any',
  body: quoteFieldsSchema.extend({ dealId: z.uuid('invalid'), items: z.array(quoteItemSchema).max(200).default([]) }),
  response: quoteJson,
  successStatus: 201,
  run: async ({ ctx, body }) => {
    const { id } = await callOperation(createQuoteOperation, ctx, body);
    return fullJson(ctx, id);
  },
});

export const getQuoteEndpoint = defineEndpoint({
  method: 'GET',
  path: '/quotes/{id}',
  tag: 'Quotes',
  summary: 'One quote with its lines',
  auth: 'any',
  response: quoteJson,
  run: async ({ ctx, params }) => {
    authorize(ctx, 'deals', 'read');
    return fullJson(ctx, params.id!);
  },
});

export const updateQuoteEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/quotes/{id}',
  tag: 'Quotes',
  summary: 'Change a draft quote; `items` replaces every line; send `version` to refuse a stale write (409)',
  auth: 'any',
  body: quoteFieldsSchema.partial().extend({ version: z.number().int().optional() }),
  response: quoteJson,
  run: async ({ ctx, params, body }) => {
    authorize(ctx, 'deals', 'update');
    const current = await getQuote(getDb(), ctx, params.id!);
    const items = await getQuoteItems(getDb(), ctx.businessId, current.id);
    const patch = body as Record<string, unknown>;
    await callOperation(updateQuoteOperation, ctx, {
      language: current.language,
      validUntil: current.validUntil,
      notes: current.notes,
      items: items.map(({ name, quantityMilli, unitPriceMinor, discountBp, vatRateBp }) => ({ name, quantityMilli, unitPriceMinor, discountBp, vatRateBp })),
      ...patch,
      id: current.id,
      version: (patch.version as number | undefined) ?? current.version,
    });
    return fullJson(ctx, current.id);
  },
});

export const deleteQuoteEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/quotes/{id}',
  tag: 'Quotes',
  summary: 'Delete a quote and its lines',
  auth: 'any',
  successStatus: 204,
  run: async ({ ctx, params }) => {
    await callOperation(deleteQuoteOperation, ctx, { id: params.id });
    return null;
  },
});

export const sendQuoteEndpoint = defineEndpoint({
  method: 'POST',
  path: '/quotes/{id}/send',
  tag: 'Quotes',
  summary: "E-mail the quote with its PDF to the deal's customer, with a link to accept or decline it. The answer's status follows the e-mail: `queued`, or `held` when no mail server is set up; `sent` once the mail server accepted it",
  auth: 'any',
  body: z.object({}),
  response: quoteJson,
  run: async ({ ctx, params }) => {
    await callOperation(sendQuoteOperation, ctx, { id: params.id });
    return fullJson(ctx, params.id!);
  },
});
