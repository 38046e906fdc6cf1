/**
 * Money as text ↔ minor units, without floating point: "12.500,50" TRY → 1250050. Safe on the client.
 *
 * Reading rule (Turkish and English writing both occur): when both ',' and '.' appear, the last
 * one is the decimal separator; a single kind of separator is decimal when 1–2 digits (up to the
 * currency's fraction digits) follow its last occurrence and it occurs once, otherwise it groups
 * thousands ("12.500" is twelve thousand five hundred).
 */
export function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function parseMoneyText(text: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  const s = text.replace(/[\s\u00a0\u202f₺$€£]/g, '').replace(/[A-Za-z]{3}$/, '');
  if (!/^\d[\d.,]*$/.test(s)) return text.trim() === '' ? null : Number.NaN;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let decimalSep: string | null = null;
  if (lastComma >= 0 && lastDot >= 0) decimalSep = lastComma > lastDot ? ',' : '.';
  else {
    const sep = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
    if (sep) {
      const tail = s.length - s.lastIndexOf(sep) - 1;
      const once = s.indexOf(sep) === s.lastIndexOf(sep);
      if (once && tail >= 1 && tail <= Math.max(digits, 2) && tail !== 3) decimalSep = sep;
    }
  }
  let whole = s;
  let fraction = '';
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep);
    whole = s.slice(0, at);
    fraction = s.slice(at + 1);
  }
  const groupSep = decimalSep === ',' ? '.' : decimalSep === '.' ? ',' : null;
  if (groupSep === null) whole = whole.replace(/[.,]/g, '');
  else {
    if (whole.includes(decimalSep!)) return Number.NaN;
    whole = whole.split(groupSep).join('');
  }
  if (!/^\d+$/.test(whole || '0') || !/^\d*$/.test(fraction) || fraction.length > digits) return Number.NaN;
  const minor = (whole || '0').replace(/^0+(?=\d)/, '') + fraction.padEnd(digits, '0');
  if (minor.length > 15) return Number.NaN;
  return Number(minor);
}

/** Minor units → plain text for an input ("12500,50" in Turkish, "12500.50" in English). */
export function minorToInputText(minor: number, currency: string, locale: string): string {
  const digits = fractionDigits(currency);
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = digits ? text.slice(0, -digits) : text;
  const fraction = digits ? text.slice(-digits) : '';
  const sep = locale.startsWith('tr') ? ',' : '.';
  return `${negative ? '-' : ''}${whole}${fraction && fraction !== '0'.repeat(digits) ? sep + fraction : ''}`;
}

/** Minor units formatted with Intl in the user's locale (the division is exact for display). */
export function formatMoney(minor: number, currency: string, locale: string, compact = false): string {
  const digits = fractionDigits(currency);
  const value = minor / 10 ** digits;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    // Whole amounts without ",00"; otherwise all the currency's digits ("12.500,50", not "12.500,5").
    ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : { minimumFractionDigits: minor % 10 ** digits === 0 ? 0 : digits, maximumFractionDigits: digits }),
  }).format(value);
}

/**
 * An amount for a narrow place (a board column's totals): in full ("₺50.000") while it fits in
 * `maxLength` characters, compact beyond ("₺1,3 Mr"); `full` is for the hover text.
 */
export function formatMoneyFitting(minor: number, currency: string, locale: string, maxLength = 12): { text: string; full: string; compact: boolean } {
  const full = formatMoney(minor, currency, locale);
  if (full.length <= maxLength) return { text: full, full, compact: false };
  return { text: formatMoney(minor, currency, locale, true), full, compact: true };
}
