import { formatScaled } from './totals';
import { formatCalendarDay } from '@/lib/format-date';

/** Money in minor units as the reader's locale writes it (currencies with two minor digits). */
export function formatMoney(minor: number, currency: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'tr-TR';
  // A decimal string keeps large amounts exact (Intl reads it as a decimal, not a double).
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(formatScaled(minor, 2) as unknown as number);
}

export function formatQuantity(milli: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'tr-TR', { maximumFractionDigits: 3 }).format(formatScaled(milli, 3) as unknown as number);
}

/** Basis points as a percentage ("%20", "12.5%"). */
export function formatPercent(bp: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'tr-TR', { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

export function formatDay(day: string, language: string): string {
  return formatCalendarDay(day, language, 'long');
}

export function quoteNumberText(n: number): string {
  return `#${String(n).padStart(4, '0')}`;
}
