import 'server-only';
import { z } from 'zod';
import { foldTurkish } from '@/lib/text';
import { normalizePhone } from '@/lib/validation';
import { parseBasisPoints, parseMoney, parseQuantity } from '@/lib/money';
import { zonedWallTimeToUtc } from '@/lib/dates';
import { CURRENCIES } from '@/modules/businesses';
import type { CsvRecord } from '@/modules/imports';
import { PURCHASE_STATUSES, type Currency, type PurchaseImportError, type PurchaseImportField, type PurchaseStatus } from './schemas';

/**
 * Reading a purchases CSV (one row per line item) into lines of orders. The file itself is decoded
 * and split by the customer import's reader (Windows-1254 or UTF-8, `;` or `,`); numbers go
 * through the money parser, which reads Turkish ("1.234,50") and English ("1,234.50") writing.
 */

/**
 * The import runs inside the request (no background job): each order is its own transaction,
 * about 10 ms here (5,000 rows in 2,500 orders took 27 s on the shared 2-core machine; the same
 * file again, all orders already recorded, 0.2 s). 3,000 rows therefore finish within about 30 s
 * even with one order per row, inside a proxy's usual 60 s timeout. Larger files are refused up
 * front with a clear message rather than timing out halfway.
 */
export const MAX_PURCHASE_IMPORT_ROWS = 3_000;
export const MAX_PURCHASE_IMPORT_BYTES = 2 * 1024 * 1024;

/** Header words (folded: lower case, Turkish letters to ASCII, punctuation to spaces) per column. */
const HEADER_WORDS: Record<PurchaseImportField, string[]> = {
  orderRef: [
    'siparis no', 'siparis numarasi', 'siparis', 'siparis ref', 'siparis referansi', 'referans', 'ref', 'fatura no', 'belge no',
    'order', 'order ref', 'order reference', 'order id', 'order no', 'order number', 'reference',
  ],
  email: ['e posta', 'eposta', 'e mail', 'email', 'mail', 'musteri e posta', 'musteri eposta', 'customer email', 'customer e mail'],
  phone: ['telefon', 'tel', 'cep', 'cep telefonu', 'gsm', 'musteri telefon', 'musteri telefonu', 'phone', 'mobile', 'customer phone'],
  customer: ['musteri', 'musteri adi', 'ad soyad', 'adi soyadi', 'isim', 'unvan', 'customer', 'customer name', 'name', 'client'],
  orderedAt: ['tarih', 'siparis tarihi', 'satis tarihi', 'fatura tarihi', 'date', 'order date', 'ordered at', 'purchase date'],
  item: ['urun', 'urun adi', 'kalem', 'hizmet', 'mal hizmet', 'aciklama', 'item', 'item name', 'product', 'product name', 'description'],
  quantity: ['adet', 'miktar', 'quantity', 'qty'],
  unitPrice: ['birim fiyat', 'birim fiyati', 'fiyat', 'net birim fiyat', 'unit price', 'price', 'net price'],
  vatRate: ['kdv', 'kdv orani', 'kdv yuzde', 'vat', 'vat rate', 'tax', 'tax rate'],
  status: ['durum', 'odeme durumu', 'status', 'payment status'],
  currency: ['para birimi', 'doviz', 'doviz cinsi', 'currency'],
};

function foldHeader(header: string): string {
  return foldTurkish(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export type PurchaseColumns = Partial<Record<PurchaseImportField, number>>;

/** Column index per field, from the headers; the first column naming a field takes it. */
export function guessPurchaseColumns(headers: readonly string[]): PurchaseColumns {
  const columns: PurchaseColumns = {};
  headers.forEach((header, i) => {
    const folded = foldHeader(header);
    for (const field of Object.keys(HEADER_WORDS) as PurchaseImportField[]) {
      if (columns[field] === undefined && HEADER_WORDS[field].includes(folded)) {
        columns[field] = i;
        return;
      }
    }
  });
  return columns;
}

const REQUIRED_COLUMNS = ['orderRef', 'orderedAt', 'item', 'quantity', 'unitPrice', 'vatRate'] as const;

/** The columns a file lacks: the required ones, and `customer` when no customer column exists. */
export function missingPurchaseColumns(columns: PurchaseColumns): PurchaseImportField[] {
  const missing: PurchaseImportField[] = REQUIRED_COLUMNS.filter((f) => columns[f] === undefined);
  if (columns.email === undefined && columns.phone === undefined && columns.customer === undefined) missing.push('customer');
  return missing;
}

const STATUS_WORDS: Record<PurchaseStatus, string[]> = {
  paid: ['paid', 'odendi', 'odenmis', 'odeme alindi', 'tahsil edildi', 'tamamlandi', 'completed'],
  pending: ['pending', 'beklemede', 'bekliyor', 'odeme bekleniyor', 'acik', 'open', 'unpaid'],
  cancelled: ['cancelled', 'canceled', 'iptal', 'iptal edildi'],
  refunded: ['refunded', 'iade', 'iade edildi'],
};

function parseStatus(text: string): PurchaseStatus | null {
  const folded = foldHeader(text);
  return PURCHASE_STATUSES.find((s) => STATUS_WORDS[s].includes(folded)) ?? null;
}

function parseCurrency(text: string): Currency | null {
  const upper = text.trim().toUpperCase();
  const code = upper === 'TL' || upper === '₺' ? 'TRY' : upper === '$' ? 'USD' : upper === '€' ? 'EUR' : upper === '£' ? 'GBP' : upper;
  return (CURRENCIES as readonly string[]).includes(code) ? (code as Currency) : null;
}

const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * An order date as spreadsheets write it: "2026-03-01", "01.03.2026", "1/3/2026" (day first, as in
 * Turkey), optionally with a time ("01.03.2026 14:30", read in the business's time zone), or an
 * ISO instant with an offset. A date without a time is a calendar date (the purchases module
 * stores it as noon UTC, as a hand-entered one). Null when it is not a real date.
 */
export function parseOrderDate(text: string, timeZone: string): string | Date | null {
  const s = text.trim();
  if (ISO_INSTANT.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const dayFirst = DAY_FIRST.exec(s);
  const m = dayFirst ?? ISO_WALL.exec(s);
  if (!m) return null;
  const [y, mo, d] = dayFirst ? [m[3]!, m[2]!, m[1]!] : [m[1]!, m[2]!, m[3]!];
  const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || !check.toISOString().startsWith(date)) return null;
  if (m[4] === undefined) return date;
  const hour = Number(m[4]);
  if (hour > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return null;
  return zonedWallTimeToUtc(`${date}T${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}`, timeZone);
}

/** How a row names its customer: the first of these that is filled decides. */
export type CustomerKey = { email: string | null; phone: string | null; name: string | null };

export type ImportLine = {
  row: number;
  orderRef: string;
  customer: CustomerKey;
  orderedAt: string | Date;
  status: PurchaseStatus;
  currency: Currency | null;
  item: { name: string; quantityMilli: number; unitPriceMinor: number; vatRateBp: number };
};

const cut = (value: string) => value.replaceAll('\u0000', '').slice(0, 100);

/**
 * One CSV row → one order line, or what is wrong with it (every bad cell, one problem each).
 * Prices are read in the row's currency, or the business's when the row names none, in the file's
 * number locale: Turkish spreadsheets separate cells with ';' and write "1.234,56" ("1.234" is one
 * thousand two hundred thirty-four); a comma-separated file comes from an English-writing one
 * ("12,345" is twelve thousand three hundred forty-five). With both separators a price reads the
 * same in either.
 */
export function parseImportRow(
  record: CsvRecord,
  columns: PurchaseColumns,
  business: { currency: string; timeZone: string; numberLocale?: 'tr' | 'en' },
): { ok: true; line: ImportLine } | { ok: false; errors: PurchaseImportError[] } {
  const cell = (f: PurchaseImportField) => {
    const i = columns[f];
    return i === undefined ? '' : (record.cells[i] ?? '').trim();
  };
  const errors: PurchaseImportError[] = [];
  const fail = (field: PurchaseImportField, reason: string) => {
    const value = cell(field);
    errors.push({ row: record.line, field, reason, ...(value ? { value: cut(value) } : {}) });
  };
  const text = (f: PurchaseImportField, max: number): string | null => {
    const v = cell(f);
    if (v === '') return null;
    if (v.length > max || v.includes('\u0000')) {
      fail(f, 'tooLong');
      return null;
    }
    return v;
  };

  const orderRef = text('orderRef', 200);
  if (!orderRef && !errors.length) fail('orderRef', 'required');

  const emailText = text('email', 254);
  const email = emailText ? emailText.toLowerCase() : null;
  if (email && !z.email().safeParse(email).success) fail('email', 'invalidEmail');
  const phoneText = text('phone', 40);
  const phone = phoneText ? normalizePhone(phoneText) : null;
  if (phoneText && !phone) fail('phone', 'invalidPhone');
  const name = text('customer', 200);
  if (!emailText && !phoneText && !name && !errors.some((e) => ['email', 'phone', 'customer'].includes(e.field))) fail('customer', 'customerRequired');

  const dateText = cell('orderedAt');
  const orderedAt = dateText ? parseOrderDate(dateText, business.timeZone) : null;
  if (!dateText) fail('orderedAt', 'required');
  else if (!orderedAt) fail('orderedAt', 'invalidDate');

  const itemName = text('item', 200);
  if (!itemName && !errors.some((e) => e.field === 'item')) fail('item', 'required');

  const statusText = cell('status');
  const status = statusText ? parseStatus(statusText) : 'paid';
  if (!status) fail('status', 'invalidStatus');

  const currencyText = cell('currency');
  const currency = currencyText ? parseCurrency(currencyText) : null;
  if (currencyText && !currency) fail('currency', 'invalidCurrency');

  const quantityText = cell('quantity');
  const quantityMilli = quantityText ? parseQuantity(quantityText) : null;
  if (!quantityText) fail('quantity', 'required');
  else if (quantityMilli === null || quantityMilli < 1 || quantityMilli > 1_000_000_000) fail('quantity', 'invalidQuantity');

  const priceText = cell('unitPrice');
  const unitPriceMinor = priceText ? parseMoney(priceText, currency ?? business.currency, business.numberLocale ?? 'tr') : null;
  if (!priceText) fail('unitPrice', 'required');
  else if (unitPriceMinor === null || unitPriceMinor < 0 || unitPriceMinor > 1_000_000_000_000) fail('unitPrice', 'invalidAmount');

  const vatText = cell('vatRate');
  const vatRateBp = vatText ? parseBasisPoints(vatText) : null;
  if (!vatText) fail('vatRate', 'required');
  else if (vatRateBp === null || vatRateBp < 0 || vatRateBp > 10_000) fail('vatRate', 'invalidVatRate');

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    line: {
      row: record.line,
      orderRef: orderRef!,
      customer: { email, phone, name },
      orderedAt: orderedAt!,
      status: status!,
      currency,
      item: { name: itemName!, quantityMilli: quantityMilli!, unitPriceMinor: unitPriceMinor!, vatRateBp: vatRateBp! },
    },
  };
}

/** Two lines belong to one order only if they agree on everything but the item. */
export function orderMismatch(first: ImportLine, other: ImportLine): PurchaseImportField | null {
  const c1 = first.customer;
  const c2 = other.customer;
  if (c1.email !== c2.email) return 'email';
  if (c1.phone !== c2.phone) return 'phone';
  if (c1.name !== c2.name) return 'customer';
  const at = (v: string | Date) => (v instanceof Date ? v.toISOString() : v);
  if (at(first.orderedAt) !== at(other.orderedAt)) return 'orderedAt';
  if (first.status !== other.status) return 'status';
  if (first.currency !== other.currency) return 'currency';
  return null;
}
