/**
 * Message templates: `{{customer.firstName}}`-style fields filled in from the customer, the
 * business and the person sending. Pure, so the send dialog can preview exactly what the server
 * will send.
 */

/** The fields a template may use, and what each holds. Unknown or empty fields render empty. */
export const TEMPLATE_FIELDS = [
  'customer.name',
  'customer.firstName',
  'customer.lastName',
  'customer.email',
  'customer.phone',
  'customer.city',
  'business.name',
  'business.phone',
  'business.email',
  'personnel.name',
  'personnel.email',
  'personnel.phone',
  'personnel.title',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type TemplateValues = Partial<Record<TemplateField, string | null>>;

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+\.[a-zA-Z]+)\s*\}\}/g;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** Fills in the fields of a plain-text template (subject, SMS, the text part of an e-mail). */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (_, name: string) => values[name as TemplateField] ?? '');
}

/**
 * The HTML part of an e-mail from a plain-text template: the template's own text and every filled-in
 * value are escaped (a customer named `<b>` shows as typed), and line breaks become `<br>`.
 */
export function renderTemplateHtml(template: string, values: TemplateValues): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    parts.push(escapeHtml(template.slice(last, m.index)));
    parts.push(escapeHtml(values[m[1] as TemplateField] ?? ''));
    last = m.index + m[0].length;
  }
  parts.push(escapeHtml(template.slice(last)));
  return parts.join('').replace(/\r?\n/g, '<br>\n');
}

/** "Ayşe Nur Yılmaz" → first "Ayşe Nur", last "Yılmaz"; a company keeps its whole name as first. */
export function splitName(name: string, kind: 'person' | 'company' = 'person'): { first: string; last: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (kind === 'company' || words.length < 2) return { first: name.trim(), last: '' };
  return { first: words.slice(0, -1).join(' '), last: words[words.length - 1]! };
}

export type TemplateSources = {
  customer: { name: string; kind: 'person' | 'company'; emails: string[]; phones: string[]; city: string | null };
  business: { name: string; phone: string | null; email: string | null };
  personnel: { name: string; email: string | null; phone: string | null; title: string | null } | null;
};

export function templateValues({ customer, business, personnel }: TemplateSources): TemplateValues {
  const { first, last } = splitName(customer.name, customer.kind);
  return {
    'customer.name': customer.name,
    'customer.firstName': first,
    'customer.lastName': last,
    'customer.email': customer.emails[0] ?? null,
    'customer.phone': customer.phones[0] ?? null,
    'customer.city': customer.city,
    'business.name': business.name,
    'business.phone': business.phone,
    'business.email': business.email,
    'personnel.name': personnel?.name ?? null,
    'personnel.email': personnel?.email ?? null,
    'personnel.phone': personnel?.phone ?? null,
    'personnel.title': personnel?.title ?? null,
  };
}
