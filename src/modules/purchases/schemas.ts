import { z } from 'zod';
import { CURRENCIES } from '@/modules/businesses/client';
import { orderTotals } from '@/lib/money';
import { optionalText, requiredText, uuidField, versionField } from '@/lib/validation';

export const PURCHASE_STATUSES = ['pending', 'paid', 'cancelled', 'refunded'] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];
export type Currency = (typeof CURRENCIES)[number];

/** The most lines one order may have. */
export const MAX_PURCHASE_ITEMS = 200;

const int = (min: number, max: number) =>
  z.number('invalid').int('invalid').min(min, 'invalid').max(max, 'tooLong');

/** A line: quantity in thousandths, net unit price in minor units, VAT in basis points (20% = 2000). */
export const purchaseItemSchema = z.object({
  name: requiredText(200),
  quantityMilli: int(1, 1_000_000_000),
  unitPriceMinor: int(0, 1_000_000_000_000),
  vatRateBp: int(0, 10_000),
});
export type PurchaseItemInput = z.output<typeof purchaseItemSchema>;

/** An instant (ISO 8601 with an offset) or a calendar date ("2026-05-01"), taken as noon UTC. */
export const orderedAtField = z
  .union([z.date('invalid'), z.iso.datetime({ offset: true, message: 'invalid' }), z.iso.date('invalid')], 'invalid')
  .transform((v) => (v instanceof Date ? v : new Date(v.length === 10 ? `${v}T12:00:00Z` : v)))
  .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 2200, 'invalid');

const itemsField = z
  .array(purchaseItemSchema, 'invalid')
  .min(1, 'required')
  .max(MAX_PURCHASE_ITEMS, 'tooLong')
  // An order whose total a JS number cannot carry exactly is refused here rather than rounded.
  .refine((items) => {
    try {
      orderTotals(items);
      return true;
    } catch {
      return false;
    }
  }, 'amountTooLarge');

export const purchaseFieldsSchema = z.object({
  customerId: uuidField,
  orderedAt: orderedAtField,
  status: z.enum(PURCHASE_STATUSES, 'invalid').default('paid'),
  /** Default: the business's currency. */
  currency: z.enum(CURRENCIES, 'invalid').nullish(),
  /** A key of the order in another system; sending it again finds the order instead of a copy. */
  externalRef: optionalText(200),
  notes: optionalText(2000),
  items: itemsField,
});

export const createPurchaseSchema = purchaseFieldsSchema;
export type CreatePurchaseInput = z.input<typeof createPurchaseSchema>;

export const updatePurchaseSchema = purchaseFieldsSchema.extend({ id: uuidField, version: versionField });
export type UpdatePurchaseInput = z.input<typeof updatePurchaseSchema>;

export const purchaseIdSchema = z.object({ id: uuidField });

// ─── The REST API's shapes: money as { amountMinor, currency } ─────────────────────────────

export const moneyJson = z.object({
  amountMinor: z.number().int().describe('Minor units (kuruş, cents): 150000.00 TRY is 15000000'),
  currency: z.enum(CURRENCIES),
});

const moneyInput = z.object({
  amountMinor: int(0, 1_000_000_000_000),
  currency: z.enum(CURRENCIES, 'invalid').optional(),
});

const apiItemInput = z.object({
  name: requiredText(200),
  quantityMilli: int(1, 1_000_000_000).describe('Thousandths: 1.5 pieces is 1500'),
  unitPrice: moneyInput.describe('Net of VAT'),
  vatRateBp: int(0, 10_000).describe('Basis points: 20% is 2000'),
});

/** A purchase as API clients send it; `unitPrice.currency`, when given, must be the order's. */
export const apiPurchaseBodySchema = z.object({
  customerId: uuidField,
  orderedAt: z.union([z.iso.datetime({ offset: true }), z.iso.date()], 'invalid').describe('ISO 8601 instant, or a date (taken as noon UTC)'),
  status: z.enum(PURCHASE_STATUSES, 'invalid').optional(),
  currency: z.enum(CURRENCIES, 'invalid').optional(),
  externalRef: z.string('invalid').max(200, 'tooLong').nullish(),
  notes: z.string('invalid').max(2000, 'tooLong').nullish(),
  items: z.array(apiItemInput, 'invalid').min(1, 'required').max(MAX_PURCHASE_ITEMS, 'tooLong'),
});

/** The API body → the operation's input; a line priced in another currency is a field error. */
export function fromApiBody(body: Record<string, unknown>, fallbackCurrency: string): { input: Record<string, unknown>; mismatch: string | null } {
  const items = Array.isArray(body.items) ? body.items : body.items;
  const currency = typeof body.currency === 'string' ? body.currency : fallbackCurrency;
  let mismatch: string | null = null;
  const mapped = Array.isArray(items)
    ? items.map((item: unknown, i) => {
        if (typeof item !== 'object' || item === null) return item;
        const { unitPrice, ...rest } = item as Record<string, unknown>;
        const price = typeof unitPrice === 'object' && unitPrice !== null ? (unitPrice as Record<string, unknown>) : {};
        if (price.currency !== undefined && price.currency !== currency && mismatch === null) mismatch = `items.${i}.unitPrice.currency`;
        return { ...rest, unitPriceMinor: price.amountMinor };
      })
    : items;
  return { input: { ...body, items: mapped }, mismatch };
}

// ─── CSV import ────────────────────────────────────────────────────────────────────────────

/**
 * The columns a purchases CSV may have, one row per line item. The customer is looked up by the
 * row's `email`, then its `phone`, then its exact `customer` name: the first of these that finds
 * exactly one customer of the business decides (the result counts which one did).
 */
export const PURCHASE_IMPORT_FIELDS = [
  'orderRef',
  'email',
  'phone',
  'customer',
  'orderedAt',
  'item',
  'quantity',
  'unitPrice',
  'vatRate',
  'status',
  'currency',
] as const;
export type PurchaseImportField = (typeof PURCHASE_IMPORT_FIELDS)[number];

export const importPurchasesSchema = z.object({ file: z.instanceof(File, { message: 'required' }) });

/** How the customer of an imported order was found. */
export type CustomerMatch = 'email' | 'phone' | 'name';

/**
 * A row that was not imported: its spreadsheet row number, the column, and why (a key under
 * `purchases.import.reasons`). `value` is the cell as the file had it, cut short.
 */
export type PurchaseImportError = { row: number; field: PurchaseImportField | '_'; reason: string; value?: string; /** The row it disagrees with. */ otherRow?: number };

export type PurchaseImportResult = {
  /** Data rows in the file (line items), and how many of them are now recorded. */
  rows: number;
  importedRows: number;
  failedRows: number;
  /** Orders (distinct references): recorded now, already recorded before (left as they are), not recorded. */
  created: number;
  existing: number;
  failedOrders: number;
  matchedBy: Record<CustomerMatch, number>;
  errors: PurchaseImportError[];
};
