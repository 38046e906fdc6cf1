/**
 * Quote arithmetic in integers: money in minor units, quantities in thousandths, discount and VAT
 * rates in basis points. Each product is computed with BigInt and rounded once, half away from
 * zero, per line (Turkish invoices round VAT per line), so totals never drift with floating point.
 * Pure: the line-item editor shows the same totals the server stores.
 */

export type QuoteLineInput = {
  quantityMilli: number;
  unitPriceMinor: number;
  discountBp: number;
  vatRateBp: number;
};

export type QuoteLineAmounts = {
  lineSubtotalMinor: number;
  lineDiscountMinor: number;
  lineVatMinor: number;
  /** Subtotal less discount plus VAT. */
  lineTotalMinor: number;
};

export type QuoteTotals = { subtotalMinor: number; discountMinor: number; vatMinor: number; totalMinor: number };

/** numerator / denominator rounded half away from zero (denominator > 0). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const quotient = abs / denominator;
  const rounded = (abs % denominator) * 2n >= denominator ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('amount out of range');
  }
  return Number(value);
}

export function lineAmounts(line: QuoteLineInput): QuoteLineAmounts {
  const subtotal = divideRounded(BigInt(line.quantityMilli) * BigInt(line.unitPriceMinor), 1000n);
  const discount = divideRounded(subtotal * BigInt(line.discountBp), 10_000n);
  const vat = divideRounded((subtotal - discount) * BigInt(line.vatRateBp), 10_000n);
  return {
    lineSubtotalMinor: toSafeNumber(subtotal),
    lineDiscountMinor: toSafeNumber(discount),
    lineVatMinor: toSafeNumber(vat),
    lineTotalMinor: toSafeNumber(subtotal - discount + vat),
  };
}

export function quoteTotals(lines: readonly QuoteLineInput[]): QuoteTotals {
  let subtotal = 0n;
  let discount = 0n;
  let vat = 0n;
  for (const line of lines) {
    const a = lineAmounts(line);
    subtotal += BigInt(a.lineSubtotalMinor);
    discount += BigInt(a.lineDiscountMinor);
    vat += BigInt(a.lineVatMinor);
  }
  return {
    subtotalMinor: toSafeNumber(subtotal),
    discountMinor: toSafeNumber(discount),
    vatMinor: toSafeNumber(vat),
    totalMinor: toSafeNumber(subtotal - discount + vat),
  };
}

/**
 * Parses a decimal typed by a person ("1.234,5" in Turkish, "1234.5", "12,25") into an integer
 * scaled by 10^digits, as text (never `* 100` on a float). Null when it is not a number or has
 * more decimals than `digits`.
 */
export function parseScaled(text: string, digits: number): number | null {
  let s = text.trim().replace(/\s/g, '');
  if (!s) return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  // The later of ',' and '.' is the decimal separator; the other groups thousands.
  if (lastComma > lastDot) s = s.replace(/\./g, '').replace(',', '.');
  else if (lastDot > lastComma && lastComma >= 0) s = s.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const negative = s.startsWith('-');
  const [whole = '0', fraction = ''] = s.replace('-', '').split('.');
  if (fraction.length > digits) return null;
  const value = BigInt(whole + fraction.padEnd(digits, '0'));
  const result = negative ? -value : value;
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) return null;
  return Number(result);
}

/** An integer scaled by 10^digits as plain decimal text ("12.50" for 1250, 2), for form fields. */
export function formatScaled(value: number, digits: number): string {
  const negative = value < 0;
  const s = String(Math.abs(value)).padStart(digits + 1, '0');
  const whole = s.slice(0, s.length - digits);
  const fraction = digits > 0 ? s.slice(s.length - digits).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
