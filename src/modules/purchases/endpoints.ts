import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { businesses } from '@/server/db/schema';
import type { Ctx } from '@/server/auth/context';
import { authorize } from '@/server/auth/authorize';
import { AppError } from '@/lib/errors';
import { CURRENCIES } from '@/modules/businesses';
import { findPurchases, getPurchase, type PurchaseRecord } from './queries';
import { apiPurchaseBodySchema, fromApiBody, moneyJson, PURCHASE_STATUSES } from './schemas';
import { createPurchaseOperation, deletePurchaseOperation, updatePurchaseOperation } from './operations';
import { callOperation, defineEndpoint } from '@/server/api/endpoint';

const TAG = 'Purchases';

export const purchaseJson = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  orderedAt: z.string(),
  status: z.enum(PURCHASE_STATUSES),
  currency: z.enum(CURRENCIES),
  subtotal: moneyJson,
  vat: moneyJson,
  total: moneyJson,
  externalRef: z.string().nullable(),
  notes: z.string().nullable(),
  items: z.array(
    z.object({
      name: z.string(),
      quantityMilli: z.number().int(),
      unitPrice: moneyJson,
      vatRateBp: z.number().int(),
      lineSubtotal: moneyJson,
      lineVat: moneyJson,
    }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

function toJson(p: PurchaseRecord): z.infer<typeof purchaseJson> {
  const currency = p.currency as (typeof CURRENCIES)[number];
  const money = (amountMinor: number) => ({ amountMinor, currency });
  return {
    id: p.id,
    customerId: p.customerId,
    orderedAt: p.orderedAt.toISOString(),
    status: p.status,
    currency,
    subtotal: money(p.subtotalMinor),
    vat: money(p.vatMinor),
    total: money(p.totalMinor),
    externalRef: p.externalRef,
    notes: p.notes,
    items: p.items.map((i) => ({
      name: i.name,
      quantityMilli: i.quantityMilli,
      unitPrice: money(i.unitPriceMinor),
      vatRateBp: i.vatRateBp,
      lineSubtotal: money(i.lineSubtotalMinor),
      lineVat: money(i.lineVatMinor),
    })),
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

async function currencyOf(ctx: Ctx): Promise<string> {
  const [row] = await getDb().select({ currency: businesses.currency }).from(businesses).where(eq(businesses.id, ctx.businessId));
  return row?.currency ?? 'TRY';
}

/** The API body as the operation's input; a line priced in another currency is refused (422). */
function operationInput(body: Record<string, unknown>, currency: string): Record<string, unknown> {
  const { input, mismatch } = fromApiBody(body, currency);
  if (mismatch) throw new AppError('VALIDATION', 'errors.VALIDATION', { [mismatch]: 'currencyMismatch' });
  return input;
}

export const listPurchases = defineEndpoint({
  method: 'GET',
  path: '/purchases',
  tag: TAG,
  summary: 'Purchases, newest first; `customerId` narrows to one customer',
  auth: 'any',
  query: z.object({
    customerId: z.uuid('invalid').optional(),
    limit: z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(200, 'tooLong').default(50),
    cursor: z.string().max(400, 'tooLong').optional(),
  }),
  response: z.object({ data: z.array(purchaseJson), nextCursor: z.string().nullable() }),
  run: async ({ ctx, query }) => {
    authorize(ctx, 'purchases', 'read');
    const page = await findPurchases(getDb(), ctx, query);
    return { data: page.data.map(toJson), nextCursor: page.nextCursor };
  },
});

export const getPurchaseEndpoint = defineEndpoint({
  method: 'GET',
  path: '/purchases/{id}',
  tag: TAG,
  summary: 'One purchase with its lines',
  auth: 'any',
  response: purchaseJson,
  run: async ({ ctx, params }) => {
    authorize(ctx, 'purchases', 'read');
    return toJson(await getPurchase(getDb(), ctx, params.id!));
  },
});

export const createPurchaseEndpoint = defineEndpoint({
  method: 'POST',
  path: '/purchases',
  tag: TAG,
  summary:
    'Record a purchase; totals and VAT (per line, rounded half away from zero) are computed. Sending an `externalRef` already used answers the existing purchase and changes nothing',
  auth: 'any',
  body: apiPurchaseBodySchema,
  response: purchaseJson,
  successStatus: 201,
  run: async ({ ctx, body }) => {
    authorize(ctx, 'purchases', 'create');
    const { id } = await callOperation(createPurchaseOperation, ctx, operationInput(body as Record<string, unknown>, await currencyOf(ctx)));
    return toJson(await getPurchase(getDb(), ctx, id));
  },
});

export const updatePurchaseEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/purchases/{id}',
  tag: TAG,
  summary: 'Change a purchase (fields not sent stay; `items` replaces all lines); send `version` to refuse a stale write (409)',
  auth: 'any',
  body: apiPurchaseBodySchema.partial().extend({ version: z.number().int().optional() }),
  response: purchaseJson,
  run: async ({ ctx, params, body }) => {
    authorize(ctx, 'purchases', 'update');
    const current = await getPurchase(getDb(), ctx, params.id!);
    const patch = body as Record<string, unknown>;
    const currency = typeof patch.currency === 'string' ? patch.currency : current.currency;
    const merged = {
      customerId: current.customerId,
      orderedAt: current.orderedAt.toISOString(),
      status: current.status,
      currency: current.currency,
      externalRef: current.externalRef,
      notes: current.notes,
      items: current.items.map((i) => ({ name: i.name, quantityMilli: i.quantityMilli, unitPrice: { amountMinor: i.unitPriceMinor }, vatRateBp: i.vatRateBp })),
      ...patch,
    };
    await callOperation(updatePurchaseOperation, ctx, {
      ...operationInput(merged, currency),
      id: current.id,
      version: (patch.version as number | undefined) ?? current.version,
    });
    return toJson(await getPurchase(getDb(), ctx, current.id));
  },
});

export const deletePurchaseEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/purchases/{id}',
  tag: TAG,
  summary: 'Delete a purchase; the customer’s lifetime value follows',
  auth: 'any',
  successStatus: 204,
  run: async ({ ctx, params }) => {
    await callOperation(deletePurchaseOperation, ctx, { id: params.id });
    return null;
  },
});
