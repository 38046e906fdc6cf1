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
