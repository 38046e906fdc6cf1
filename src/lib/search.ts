import { foldTurkish } from './text';
import { normalizePhone } from './validation';

/** A value for a LIKE pattern, its wildcards taken literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}

/**
 * The folded forms a search may match in a `search_text` column: the folded words, and for
 * something that looks like a phone number the E.164 digits, so "0532 123 45 67" finds
 * "+905321234567".
 */
export function searchPatterns(search: string): string[] {
  const clean = search.replaceAll('\u0000', '').trim();
  if (!clean) return [];
  const patterns = [foldTurkish(clean).replace(/\s+/g, ' ')];
  if (/^[\d\s()+\-.]{4,}$/.test(clean)) {
    const phone = normalizePhone(clean);
    const digits = clean.replace(/\D/g, '');
    if (phone) patterns.push(phone.slice(1));
    else if (digits.length >= 4) patterns.push(digits.replace(/^0+/, '') || digits);
  }
  return [...new Set(patterns)];
}

/** `%pattern%` for each folded form of a search, ready for `search_text like …`. */
export function containsPatterns(search: string | undefined): string[] {
  return search ? searchPatterns(search).map((p) => `%${escapeLike(p)}%`) : [];
}
