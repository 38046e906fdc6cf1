/**
 * Money and quantities as integers: the one place that parses, rounds and formats them.
 *
 * - Amounts are minor units of their currency (kuruş, cents, yen, fils) held as safe JS integers;
 *   the database keeps them in `bigint` columns. Each currency has its own exponent (TRY 2, JPY 0,
 *   KWD 3), so "1.234" can be 1234 lira or 1.234 dinar depending on the currency and the locale.
 * - VAT and discount rates are basis points (20% = 2000), quantities thousandths (1.5 pieces = 1500).
 * - Text is read digit by digit, never `parseFloat(x) * 100` (which turns "0.29" into 28.999…), and
 *   every division of money goes through `divideHalfAwayFromZero`.
 *
 * Safe on the client: forms use the same parser and arithmetic as the server.
 */

/**
 * Digits after the decimal separator of the ISO 4217 currencies a business may choose. These match
 * `Intl.NumberFormat(…, { style: 'currency' }).resolvedOptions().maximumFractionDigits` (a test checks
 * it); the table exists so that the set of accepted codes is explicit.
 */
const MINOR_DIGITS: Record<string, number> = { TRY: 2, USD: 2, EUR: 2, GBP: 2, JPY: 0, KWD: 3 };

/** The currencies a business may choose, for selects. */
export const CURRENCIES = Object.keys(MINOR_DIGITS);

/** Whether a code is an ISO 4217 currency this module knows (its minor digits). */
export function isKnownCurrency(code: string): boolean {
  return Object.hasOwn(MINOR_DIGITS, code);
}

/** The currency's exponent: how many minor digits it has (TRY 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (Object.hasOwn(MINOR_DIGITS, code)) return MINOR_DIGITS[code]!;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** What a money column (bigint, read as a JS number) can hold without losing a unit. */
export const MAX_MINOR = Number.MAX_SAFE_INTEGER;

// ---------------------------------------------------------------------------------------------
// Rounding

/**
 * n / d rounded half away from zero (0.5 → 1, −0.5 → −1, 2.5 → 3), in exact integer arithmetic.
 *
 * The one rounding rule for money here: line totals, discounts and VAT on quotes and purchases and
 * weighted pipeline values on deals. Half away from zero is the commercial rounding Turkish
 * e-invoices (UBL-TR) and accountants use, what people check with a calculator, and what
 * PostgreSQL's `round(numeric)` does, so a figure summed in SQL and one computed here agree.
 * Banker's rounding (half to even) would make 0,005 → 0,00 on an invoice, which readers report as a bug.
 */
export function divideHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const q = n / d;
  const r = n % d;
  const twiceR = (r < 0n ? -r : r) * 2n;
  const absD = d < 0n ? -d : d;
  if (twiceR >= absD) return q + ((n < 0n) !== (d < 0n) ? -1n : 1n);
  return q;
}

/** A bigint amount as a JS number, or a RangeError when a number would lose a minor unit. */
export function toSafeMinor(value: bigint): number {
  if (value > BigInt(MAX_MINOR) || value < -BigInt(MAX_MINOR)) throw new RangeError('amount out of range');
  return Number(value);
}

/** A deal's weighted value: value × probability (percent), rounded once to the minor unit. */
export function weightedMinor(valueMinor: number | bigint, percent: number | bigint): number {
  return toSafeMinor(divideHalfAwayFromZero(BigInt(valueMinor) * BigInt(percent), 100n));
}

/**
 * A column's weighted value from Σ(value × percent), as the database sums it exactly: rounded once
 * for the whole column, so the total does not drift by a unit per deal.
 */
export function weightedFromPercentSum(sumOfValueTimesPercent: bigint | string): number {
  return toSafeMinor(divideHalfAwayFromZero(BigInt(sumOfValueTimesPercent), 100n));
}

// ---------------------------------------------------------------------------------------------
// Order lines (quotes and purchases)

export type LineInput = { quantityMilli: number; unitPriceMinor: number; discountBp?: number; vatRateBp: number };
export type LineAmounts = {
  lineSubtotalMinor: number;
  lineDiscountMinor: number;
  lineVatMinor: number;
  /** Subtotal less discount plus VAT. */
  lineTotalMinor: number;
};
export type Totals = { subtotalMinor: number; discountMinor: number; vatMinor: number; totalMinor: number };

/**
 * A line's amounts, each rounded once to the minor unit: quantity × unit price, then the discount on
 * that, then VAT on what remains. VAT is rounded per line, as Turkish e-invoices compute it. Prices are net.
 */
export function lineAmounts(line: LineInput): LineAmounts {
  const subtotal = divideHalfAwayFromZero(BigInt(line.quantityMilli) * BigInt(line.unitPriceMinor), 1000n);
  const discount = divideHalfAwayFromZero(subtotal * BigInt(line.discountBp ?? 0), 10_000n);
  const vat = divideHalfAwayFromZero((subtotal - discount) * BigInt(line.vatRateBp), 10_000n);
  return {
    lineSubtotalMinor: toSafeMinor(subtotal),
    lineDiscountMinor: toSafeMinor(discount),
    lineVatMinor: toSafeMinor(vat),
    lineTotalMinor: toSafeMinor(subtotal - discount + vat),
  };
}

/** The totals of an order or a quote: the sums of its lines' rounded amounts, not the rounding of sums. */
export function orderTotals(lines: readonly LineInput[]): Totals & { lines: LineAmounts[] } {
  const each = lines.map(lineAmounts);
  let subtotal = 0n;
  let discount = 0n;
  let vat = 0n;
  for (const l of each) {
    subtotal += BigInt(l.lineSubtotalMinor);
    discount += BigInt(l.lineDiscountMinor);
    vat += BigInt(l.lineVatMinor);
  }
  return {
    lines: each,
    subtotalMinor: toSafeMinor(subtotal),
    discountMinor: toSafeMinor(discount),
    vatMinor: toSafeMinor(vat),
    totalMinor: toSafeMinor(subtotal - discount + vat),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading text

type Decimal = { negative: boolean; int: string; frac: string };
/** A locale's separators; `group: null` reads a lone separator as decimal (quantities, rates). */
type Separators = { decimal: '.' | ','; group: '.' | ',' | null };
const LONE_IS_DECIMAL: Separators = { decimal: '.', group: null };

/** The locale's decimal and group separators ("tr": `,` and `.`; "en": `.` and `,`). */
function separatorsOf(locale: string): Separators {
  let decimal: '.' | ',' = '.';
  try {
    const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
    if (part?.value === ',') decimal = ',';
  } catch {
    // An unknown locale reads like English.
  }
  return decimal === ',' ? { decimal: ',', group: '.' } : { decimal: '.', group: ',' };
}

/**
 * Splits a number as a person in `locale` writes it into sign, integer digits and fraction digits:
 *
 * - With both `.` and `,`, the one that comes last is the decimal separator and the other groups
 *   thousands ("1.234,56" and "1,234.56" both read as 1234.56 anywhere).
 * - With one kind of separator appearing more than once, it groups thousands ("1.234.567").
 * - With one separator appearing once: the locale's decimal separator is decimal ("1.234" in English
 *   is 1.234, "1,5" in Turkish 1.5); the locale's group separator groups thousands when exactly three
 *   digits follow ("1.234" in Turkish is 1234) and is read as decimal otherwise ("12.5" in Turkish).
 *   Whether the fraction fits the currency is the caller's question: too many decimals is an error.
 *
 * Answers null for anything else (letters, two signs, "1,2,3", empty).
 */
function splitDecimal(text: string, seps: Separators): Decimal | null {
  let s = text.replace(/[\s\u00a0\u202f']/g, '');
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
    if (count > 1 || (sep === seps.group && after === 3 && s.indexOf(sep) > 0)) groupSep = sep;
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

type Scaled = { ok: true; value: number } | { ok: false; error: 'tooManyDecimals' | 'tooLarge' };

/** `int.frac` scaled by 10^digits as an integer; trailing zeros of the fraction do not count. */
function scaled(d: Decimal, digits: number): Scaled {
  const frac = d.frac.replace(/0+$/, '');
  if (frac.length > digits) return { ok: false, error: 'tooManyDecimals' };
  const value = BigInt(d.int + frac.padEnd(digits, '0'));
  if (value > BigInt(MAX_MINOR)) return { ok: false, error: 'tooLarge' };
  const n = Number(value);
  return { ok: true, value: d.negative && n !== 0 ? -n : n };
}

export type MoneyReading =
  | { ok: true; minor: number }
  | { ok: false; error: 'empty' | 'invalid' | 'tooManyDecimals' | 'tooLarge' };

const SYMBOLS = '₺|TL|\\$|€|£|¥|JP¥|KD|د\\.ك';

/**
 * Reads an amount of `currency` as a person in `locale` typed it ("1.234,56" in Turkish, "1,234.56"
 * in English, "₺1.234", "1234 TL", "1.234 KWD") into minor units. More decimals than the currency
 * has ("1,234" lira, "1.5" yen) is an error for the field to show, never silently rounded.
 */
export function readMoney(text: string, currency: string, locale: string): MoneyReading {
  const code = currency.toUpperCase();
  // The code comes from a form field: only three letters go into the pattern.
  const marks = /^[A-Z]{3}$/.test(code) ? `${SYMBOLS}|${code}` : SYMBOLS;
  const stripped = text
    .trim()
    .replace(new RegExp(`^(${marks})\\s*`, 'i'), '')
    .replace(new RegExp(`\\s*(${marks})$`, 'i'), '');
  if (stripped === '') return { ok: false, error: 'empty' };
  const d = splitDecimal(stripped, separatorsOf(locale));
  if (!d) return { ok: false, error: 'invalid' };
  const s = scaled(d, minorDigits(code));
  return s.ok ? { ok: true, minor: s.value } : s;
}

/** `readMoney` for callers that only need the amount: null when the text is not one. */
export function parseMoney(text: string, currency: string, locale: string): number | null {
  const r = readMoney(text, currency, locale);
  return r.ok ? r.minor : null;
}

/** "1,5" → 1500 thousandths; "2" → 2000; at most three decimals. A single separator is decimal. */
export function parseQuantity(text: string): number | null {
  const d = splitDecimal(text.trim(), LONE_IS_DECIMAL);
  if (!d) return null;
  const s = scaled(d, 3);
  return s.ok ? s.value : null;
}

/** "%20", "20", "18,5" → basis points (2000, 1850); at most two decimals. For VAT and discount rates. */
export function parseBasisPoints(text: string): number | null {
  const d = splitDecimal(text.trim().replace(/^%\s*|\s*%$/g, ''), LONE_IS_DECIMAL);
  if (!d) return null;
  const s = scaled(d, 2);
  return s.ok ? s.value : null;
}

// ---------------------------------------------------------------------------------------------
// Writing text

function scaledToDecimal(value: number, digits: number): string {
  const negative = value < 0;
  const s = String(Math.abs(value)).padStart(digits + 1, '0');
  const out = digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  return negative ? `-${out}` : out;
}

/** Minor units as a plain decimal string, for machines (CSV, logs): 123456 → "1234.56" (TRY). */
export function minorToDecimal(minor: number, currency: string): string {
  return scaledToDecimal(minor, minorDigits(currency));
}

/**
 * Minor units as text for an input field in the reader's locale, without grouping, so that
 * `readMoney` reads it back to the same amount: 1250050 TRY → "12500,50" (tr), "12500.50" (en);
 * whole amounts without the zeros ("12500").
 */
export function minorToInputText(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const plain = scaledToDecimal(minor, digits);
  if (digits === 0) return plain;
  const [whole, fraction = ''] = plain.split('.');
  if (/^0+$/.test(fraction)) return whole!;
  return `${whole}${separatorsOf(locale).decimal}${fraction}`;
}

/** Thousandths as a short decimal string: 1500 → "1.5", 2000 → "2". */
export function milliToDecimal(milli: number): string {
  return scaledToDecimal(milli, 3).replace(/^(-?\d+)\.(\d*?)0*$/, (_, i: string, f: string) => (f ? `${i}.${f}` : i));
}

/** Basis points as a percentage string: 2000 → "20", 1850 → "18.5". */
export function bpToPercent(bp: number): string {
  return milliToDecimal(bp * 10);
}

export type MoneyFormat = {
  /** Whole amounts without their zero decimals ("₺12.500" rather than "₺12.500,00"): boards and lists. */
  hideZeroFraction?: boolean;
  /** Short notation ("₺1,3 Mr"), for places too narrow for the full amount. */
  compact?: boolean;
};

/**
 * An amount for people to read, in their locale ("₺1.234,56", "€12.00", "KWD 1.234"). Intl is given
 * the exact decimal string, not a float, so amounts past 2^53 / 10^digits print every digit.
 */
export function formatMoney(minor: number, currency: string, locale: string, options: MoneyFormat = {}): string {
  const digits = minorDigits(currency);
  const whole = minor % 10 ** digits === 0;
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    ...(options.compact
      ? { notation: 'compact', maximumFractionDigits: 1 }
      : { minimumFractionDigits: options.hideZeroFraction && whole ? 0 : digits, maximumFractionDigits: digits }),
  });
  return format.format(minorToDecimal(minor, currency) as Intl.StringNumericLiteral);
}

/**
 * An amount for a narrow place (a board column's totals): in full ("₺50.000") while it fits in
 * `maxLength` characters, compact beyond ("₺1,3 Mr"); `full` is for the hover text.
 */
export function formatMoneyFitting(minor: number, currency: string, locale: string, maxLength = 12): { text: string; full: string; compact: boolean } {
  const full = formatMoney(minor, currency, locale, { hideZeroFraction: true });
  if (full.length <= maxLength) return { text: full, full, compact: false };
  return { text: formatMoney(minor, currency, locale, { compact: true }), full, compact: true };
}

/** Thousandths in the reader's locale: 1500 → "1,5" (tr), "1.5" (en). */
export function formatQuantity(milli: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(milliToDecimal(milli) as Intl.StringNumericLiteral);
}

/** Basis points as a percentage in the reader's locale ("%20", "12.5%"). */
export function formatPercent(bp: number, locale: string): string {
  const fraction = scaledToDecimal(bp, 4);
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(fraction as Intl.StringNumericLiteral);
}
