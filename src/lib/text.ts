const TURKISH_FOLD: Record<string, string> = {
  ş: 's', Ş: 's', ı: 'i', İ: 'i', I: 'i', ğ: 'g', Ğ: 'g', ü: 'u', Ü: 'u', ö: 'o', Ö: 'o', ç: 'c', Ç: 'c',
};

/**
 * Lower-cases and strips Turkish letters to ASCII without depending on the runtime's locale,
 * so "ŞİRKET", "şirket" and "sirket" compare equal.
 */
export function foldTurkish(value: string): string {
  return value
    .replace(/[şŞıİIğĞüÜöÖçÇ]/g, (ch) => TURKISH_FOLD[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A URL-safe slug from a business name: "Ayşe'nin Çiçekçisi" → "aysenin-cicekcisi". */
export function slugify(value: string): string {
  return foldTurkish(value)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
}

// The Turkish alphabet in order; q, w and x sort where Turkish keyboards and dictionaries put them.
const TURKISH_ALPHABET = 'abcçdefgğhıijklmnoöpqrsştuüvwxyz';
const SORT_CODE = new Map([...TURKISH_ALPHABET].map((ch, i) => [ch, String.fromCharCode(0x41 + i)]));

function lowerTurkish(value: string): string {
  return value.replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase();
}

/**
 * A key whose byte order is Turkish alphabetical order, case-insensitive: "çiçek" after "cam",
 * "ısık" before "ilik", "Zeytin" after "şeker". Stored in a `COLLATE "C"` column, so the order
 * does not depend on the database server's locale. Digits sort before letters; other characters
 * (spaces, punctuation) before both; letters outside the alphabet keep their folded position.
 */
export function turkishSortKey(value: string): string {
  let key = '';
  for (const ch of lowerTurkish(value.trim())) {
    const code = SORT_CODE.get(ch);
    if (code) key += code;
    else if (ch >= '0' && ch <= '9') key += ch;
    else if (/\s/.test(ch)) key += ' ';
    else {
      const folded = foldTurkish(ch);
      const foldedCode = folded.length === 1 ? SORT_CODE.get(folded) : undefined;
      key += foldedCode ?? '!';
    }
  }
  return key;
}

/** The folded text a search matches against: every part folded and joined by spaces. */
export function searchText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((p): p is string => !!p && p.trim() !== '')
    .map((p) => foldTurkish(p).trim())
    .join(' ');
}
