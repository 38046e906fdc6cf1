/**
 * Money and quantities as integers. Amounts are minor units (kuruş, cents) and are parsed from the
 * text the user typed, digit by digit: never `parseFloat(x) * 100`, which turns "0.29" into 28.999….
 * VAT rates are basis points (20% = 2000), quantities thousandths (1.5 pieces = 1500).
 *
 * Safe on the client: forms use the same parser as the server.
 */

/** Digits after the decimal separator per currency; ISO 4217, the ones a business may choose. */
const MINOR_DIGITS: Record<string, number> = { TRY: 2, USD: 2, EUR: 2, GBP: 2, JPY: 0 };

/** Whether a code is an ISO 4217 currency this module knows (its minor digits). */
export function isKnownCurrency(code: string): boolean {
  return Object.hasOwn(MINOR_DIGITS, code);
}

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

/** What a money column (bigint, read as a JS number) can hold without losing a unit. */
export const MAX_MINOR = Number.MAX_SAFE_INTEGER;

type Decimal = { negative: boolean; int: string; frac: string };

/**
 * Splits a number as people write it in Turkey or elsewhere into sign, integer digits and fraction
 * digits:
 *
 * - "12,34", "12.34" → 12 and 34; "1.234,56", "1,234.56", "1 234,56" → 1234 and 56.
 * - With both `.` and `,`, the one that comes last is the decimal separator and the other groups
 *   thousands (groups of exactly three digits).
 * - With one kind of separator appearing more than once, it groups thousands ("1.234.567").
 * - With one separator appearing once, it is the decimal separator, unless `groupedThreeIsThousands`
 *   is set and exactly three digits follow it ("1.234" → 1234): money with two decimals cannot have
 *   three, so a Turkish "1.234" (one thousand two hundred thirty-four lira) is read as meant.
 *
 * Answers null for anything else (letters, two signs, "1,2,3", empty).
 */
function splitDecimal(text: string, groupedThreeIsThousands: boolean): Decimal | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '');
  let negative = false;
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalSep: '.' | ',' | null = null;
  let groupSep: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalSep = lastDot > lastComma ? '.' : ',';
    groupSep = decimalSep === '.' ? ',' : '.';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = s.split(sep).length - 1;
    const after = s.length - s.lastIndexOf(sep) - 1;
    if (count > 1 || (groupedThreeIsThousands && after === 3 && s.indexOf(sep) > 0)) groupSep = sep;
    else decimalSep = sep;
  }
  let intPart = s;
  let frac = '';
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep);
    intPart = s.slice(0, at);
    frac = s.slice(at + 1);
    if (frac.includes('.') || frac.includes(',')) return null;
  }
  if (groupSep) {
    const groups = intPart.split(groupSep);
    // "1.234.567": a first group of 1–3 digits, then groups of exactly three.
    if (!/^[0-9]{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^[0-9]{3}$/.test(g))) return null;
    intPart = groups.join('');
  }
  if (!/^[0-9]*$/.test(intPart) || !/^[0-9]*$/.test(frac)) return null;
  if (intPart === '' && frac === '') return null;
  return { negative, int: intPart.replace(/^0+(?=\d)/, '') || '0', frac };
}

/** `int.frac` scaled by 10^digits as an integer, or null when it has more decimals or is too large. */
function scaled(d: Decimal, digits: number): number | null {
  const frac = d.frac.replace(/0+$/, '');
  if (frac.length > digits) return null;
  const value = BigInt(d.int + frac.padEnd(digits, '0'));
  if (value > BigInt(MAX_MINOR)) return null;
  const n = Number(value);
  return d.negative && n !== 0 ? -n : n;
}

/**
 * "12,34" / "12.34" / "1.234,56" / "1,234.56" / "₺1.234" / "1234 TL" → minor units (123456), or
 * null when the text is not an amount of this currency (too many decimals, letters, empty).
 */
export function parseMoney(text: string, currency = 'TRY'): number | null {
  const stripped = text
    .trim()
    .replace(/^(₺|TL|TRY|\$|USD|€|EUR|£|GBP)\s*/i, '')
    .replace(/\s*(₺|TL|TRY|\$|USD|€|EUR|£|GBP)$/i, '');
  const d = splitDecimal(stripped, minorDigits(currency) < 3);
  return d ? scaled(d, minorDigits(currency)) : null;
}

/** "1,5" → 1500 thousandths; "2" → 2000; at most three decimals. A single separator is decimal. */
export function parseQuantity(text: string): number | null {
  const d = splitDecimal(text.trim(), false);
  return d ? scaled(d, 3) : null;
}

/** "%20", "20", "18,5" → basis points (2000, 1850); at most two decimals. */
export function parseVatRate(text: string): number | null {
  const d = splitDecimal(text.trim().replace(/^%\s*|\s*%$/g, ''), false);
  return d ? scaled(d, 2) : null;
}

/** Minor units as a plain decimal string for an input field: 123456 → "1234.56" (TRY). */
export function minorToDecimal(minor: number, currency = 'TRY'): string {
  return scaledToDecimal(minor, minorDigits(currency));
}

function scaledToDecimal(value: number, digits: number): string {
  const negative = value < 0;
  const s = String(Math.abs(value)).padStart(digits + 1, '0');
  const out = digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  return negative ? `-${out}` : out;
}

/** Thousandths as a short decimal string: 1500 → "1.5", 2000 → "2". */
export function milliToDecimal(milli: number): string {
  return scaledToDecimal(milli, 3).replace(/^(-?\d+)\.(\d*?)0*$/, (_, i: string, f: string) => (f ? `${i}.${f}` : i));
}

/** Basis points as a percentage string: 2000 → "20", 1850 → "18.5". */
export function bpToPercent(bp: number): string {
  return milliToDecimal(bp * 10);
}

/** n / d rounded half away from zero (1.5 → 2, -1.5 → -2), in exact integer arithmetic. */
export function divRoundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const q = n / d;
  const r = n % d;
  const twiceR = (r < 0n ? -r : r) * 2n;
  const absD = d < 0n ? -d : d;
  if (twiceR >= absD) return q + ((n < 0n) !== (d < 0n) ? -1n : 1n);
  return q;
}

export type LineInput = { quantityMilli: number; unitPriceMinor: number; vatRateBp: number };
export type LineTotals = { lineSubtotalMinor: number; lineVatMinor: number };
export type Totals = { subtotalMinor: number; vatMinor: number; totalMinor: number };

function toSafeNumber(value: bigint): number {
  if (value > BigInt(MAX_MINOR) || value < -BigInt(MAX_MINOR)) throw new RangeError('amount out of range');
  return Number(value);
}

/**
 * A line's net amount (quantity × unit price, rounded to the minor unit) and its VAT (net × rate,
 * rounded per line, half away from zero), as Turkish e-invoices compute them. Prices are net.
 */
export function lineTotals(line: LineInput): LineTotals {
  const net = divRoundHalfAwayFromZero(BigInt(line.quantityMilli) * BigInt(line.unitPriceMinor), 1000n);
  const vat = divRoundHalfAwayFromZero(net * BigInt(line.vatRateBp), 10_000n);
  return { lineSubtotalMinor: toSafeNumber(net), lineVatMinor: toSafeNumber(vat) };
}

/** The totals of an order: the sums of its lines' rounded amounts. */
export function orderTotals(lines: readonly LineInput[]): Totals & { lines: LineTotals[] } {
  const each = lines.map(lineTotals);
  let subtotal = 0n;
  let vat = 0n;
  for (const l of each) {
    subtotal += BigInt(l.lineSubtotalMinor);
    vat += BigInt(l.lineVatMinor);
  }
  return { lines: each, subtotalMinor: toSafeNumber(subtotal), vatMinor: toSafeNumber(vat), totalMinor: toSafeNumber(subtotal + vat) };
}

/**
 * An amount for people to read, in their locale ("₺1.234,56", "€12.00"). Intl is given the exact
 * decimal string, not a float, so even amounts beyond 2^53 minor units print every digit.
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: minorDigits(currency) });
  return format.format(minorToDecimal(minor, currency) as unknown as number);
}
