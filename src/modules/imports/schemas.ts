import { z } from 'zod';
import { foldTurkish } from '@/lib/text';
import { normalizePhone, optionalText, uuidField } from '@/lib/validation';

/**
 * The customer fields a CSV column can fill. Safe on the client: the mapping screen lists them and
 * guesses them from the headers.
 */
export const IMPORT_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'company',
  'jobTitle',
  'city',
  'address',
  'country',
  'taxNumber',
  'taxOffice',
  'source',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header words (folded: lower case, Turkish letters to ASCII, no punctuation) per field. */
const HEADER_WORDS: Record<ImportField, string[]> = {
  name: ['ad soyad', 'adi soyadi', 'ad soyadi', 'isim soyisim', 'isim', 'musteri', 'musteri adi', 'kisi', 'full name', 'name', 'contact', 'contact name', 'customer', 'customer name'],
  firstName: ['ad', 'adi', 'first name', 'firstname', 'given name'],
  lastName: ['soyad', 'soyadi', 'soyisim', 'last name', 'lastname', 'surname', 'family name'],
  email: ['e posta', 'eposta', 'e posta adresi', 'mail', 'e mail', 'email', 'email address', 'e mail address'],
  phone: ['telefon', 'tel', 'telefon no', 'telefon numarasi', 'cep', 'cep telefonu', 'gsm', 'phone', 'mobile', 'phone number', 'mobile phone'],
  company: ['sirket', 'firma', 'sirket adi', 'firma adi', 'kurum', 'company', 'company name', 'organization', 'organisation', 'account'],
  jobTitle: ['unvan', 'gorev', 'pozisyon', 'title', 'job title', 'position', 'role'],
  city: ['sehir', 'il', 'city', 'town'],
  address: ['adres', 'address', 'street', 'acik adres'],
  country: ['ulke', 'country'],
  taxNumber: ['vergi no', 'vergi numarasi', 'vkn', 'tckn', 'vergi kimlik no', 'tax number', 'tax id', 'vat number'],
  taxOffice: ['vergi dairesi', 'tax office'],
  source: ['kaynak', 'source', 'lead source'],
  notes: ['not', 'notlar', 'aciklama', 'note', 'notes', 'comment', 'comments', 'description'],
};

function foldHeader(header: string): string {
  return foldTurkish(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Column index → field, guessed from the headers ("Ad Soyad", "E-posta", "Telefon", "Şirket",
 * "Şehir", "Email", "Company", ...). Each field is given to one column at most, the first that
 * names it; columns nobody recognises stay unmapped (null).
 */
export function guessMapping(headers: readonly string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const folded = foldHeader(header);
    const field = IMPORT_FIELDS.find((f) => !taken.has(f) && HEADER_WORDS[f].includes(folded));
    if (!field) return null;
    taken.add(field);
    return field;
  });
}

/** One entry per CSV column: the field it fills, or null to leave the column out. */
export const importMappingSchema = z
  .array(z.enum(IMPORT_FIELDS, 'invalid').nullable(), 'invalid')
  .max(200, 'tooLong')
  .refine((m) => {
    const used = m.filter((f) => f !== null);
    return new Set(used).size === used.length;
  }, 'mappingDuplicate')
  .refine((m) => m.some((f) => f === 'name' || f === 'firstName' || f === 'lastName' || f === 'company'), 'mappingNoName');
export type ImportMapping = z.output<typeof importMappingSchema>;

/** What to do with a row whose e-mail or phone a customer already has (the same as the table's enum). */
export const DUPLICATE_MODES = ['skip', 'update', 'create'] as const;
export type DuplicateMode = (typeof DUPLICATE_MODES)[number];

export const importIdSchema = z.object({ id: uuidField });

export const configureImportSchema = z.object({
  id: uuidField,
  mapping: importMappingSchema,
  duplicateMode: z.enum(DUPLICATE_MODES, 'invalid'),
});
export type ConfigureImportInput = z.input<typeof configureImportSchema>;

/** The preview takes the same input, but an incomplete mapping still shows what it would do. */
export const previewImportSchema = configureImportSchema.extend({
  mapping: z.array(z.enum(IMPORT_FIELDS, 'invalid').nullable(), 'invalid').max(200, 'tooLong'),
});

export const uploadImportSchema = z.object({ file: z.instanceof(File, { message: 'required' }) });

// ─── One row → one customer ────────────────────────────────────────────────────────────────

/** Several addresses or numbers may share a cell, separated by commas, semicolons or slashes. */
function splitList(value: string, separators: RegExp): string[] {
  return value
    .split(separators)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

const emailList = z
  .string()
  .max(1000, 'tooLong')
  .transform((v, ctx) => {
    const emails = splitList(v, /[,;\s]+/).map((e) => e.toLowerCase());
    for (const e of emails) {
      if (e.length > 254 || !z.email().safeParse(e).success) {
        ctx.addIssue({ code: 'custom', message: 'email' });
        return z.NEVER;
      }
    }
    return [...new Set(emails)];
  });

const phoneList = z
  .string()
  .max(200, 'tooLong')
  .transform((v, ctx) => {
    const phones: string[] = [];
    for (const raw of splitList(v, /[,;/|]+/)) {
      const phone = normalizePhone(raw);
      if (!phone) {
        ctx.addIssue({ code: 'custom', message: 'phone' });
        return z.NEVER;
      }
      phones.push(phone);
    }
    return [...new Set(phones)];
  });

/**
 * A CSV row, as field → cell text, turned into the customer it describes: e-mails lower-cased,
 * phones in E.164, empty cells as null. A row with a company but no person's name is the company
 * itself. Kept small and in one place so that it can give way to the customers module's schema.
 */
export const importRowSchema = z
  .object({
    name: optionalText(200),
    firstName: optionalText(100),
    lastName: optionalText(100),
    email: emailList.optional(),
    phone: phoneList.optional(),
    company: optionalText(200),
    jobTitle: optionalText(120),
    city: optionalText(120),
    address: optionalText(500),
    country: optionalText(120),
    taxNumber: optionalText(11).refine((v) => v === null || /^\d{10,11}$/.test(v), 'taxNumber'),
    taxOffice: optionalText(120),
    source: optionalText(120),
    notes: optionalText(5000),
  })
  .transform((row, ctx) => {
    const personName = row.name ?? ([row.firstName, row.lastName].filter(Boolean).join(' ') || null);
    const name = personName ?? row.company;
    if (!name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'required' });
      return z.NEVER;
    }
    return {
      kind: personName ? ('person' as const) : ('company' as const),
      name,
      // A person's company; a company row does not point at itself.
      companyName: personName ? row.company : null,
      emails: row.email ?? [],
      phones: row.phone ?? [],
      jobTitle: personName ? row.jobTitle : null,
      city: row.city,
      address: row.address,
      country: row.country,
      taxNumber: row.taxNumber,
      taxOffice: row.taxOffice,
      source: row.source,
      notes: row.notes,
    };
  });
export type ImportedCustomer = z.output<typeof importRowSchema>;

export type RowProblem = { field: ImportField | '_'; message: string };

/** Applies a mapping to a row's cells: field → text (cells of unmapped columns are left out). */
export function mapCells(cells: readonly string[], mapping: readonly (ImportField | null)[]): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  mapping.forEach((field, i) => {
    if (field) out[field] = cells[i] ?? '';
  });
  return out;
}

/** A mapped row → the customer, or the first problem per field (translation keys under `validation.`). */
export function normalizeRow(
  fields: Partial<Record<ImportField, string>>,
): { ok: true; customer: ImportedCustomer } | { ok: false; problems: RowProblem[] } {
  const parsed = importRowSchema.safeParse(fields);
  if (parsed.success) return { ok: true, customer: parsed.data };
  const problems: RowProblem[] = [];
  for (const issue of parsed.error.issues) {
    const field = (issue.path[0] as ImportField | undefined) ?? '_';
    if (problems.some((p) => p.field === field)) continue;
    problems.push({ field, message: /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid' });
  }
  return { ok: false, problems };
}

