import { z } from 'zod';
import { MAX_TASK_REMINDER_MINUTES } from '@/modules/tasks/client';
import { isValidTimeZone, optionalEmail, optionalPhone, optionalText, requiredText, versionField } from '@/lib/validation';

export const CURRENCIES = ['TRY', 'USD', 'EUR', 'GBP'] as const;

export const businessFieldsSchema = z.object({
  name: requiredText(120),
  sector: optionalText(80),
  phone: optionalPhone(),
  email: optionalEmail(),
  address: optionalText(500),
  // Turkish tax numbers (VKN) have 10 digits, citizen numbers (TCKN) 11.
  taxNumber: optionalText(11).refine((v) => v === null || /^\d{10,11}$/.test(v), 'taxNumber'),
  taxOffice: optionalText(80),
  currency: z.enum(CURRENCIES, 'invalid').default('TRY'),
  timeZone: z.string('invalid').refine(isValidTimeZone, 'timeZone').default('Europe/Istanbul'),
  /** A customer whose deal is won becomes an active customer. */
  wonDealActivatesCustomer: z.boolean('invalid').default(true),
});

export const createBusinessSchema = businessFieldsSchema;

/** A user's own time zone; empty means "each business's own". */
export const userTimeZoneSchema = z.object({
  timeZone: z
    .string('invalid')
    .trim()
    .refine((v) => v === '' || isValidTimeZone(v), 'timeZone')
    .transform((v) => v || null),
});
/** A user's default task reminder: minutes before the due time, or null for none. */
export const userTaskReminderSchema = z.object({
  minutes: z.union([z.number('invalid').int('invalid').min(0, 'invalid').max(MAX_TASK_REMINDER_MINUTES, 'invalid'), z.null()], 'invalid'),
});
export type CreateBusinessInput = z.input<typeof createBusinessSchema>;

export const updateBusinessSchema = businessFieldsSchema.extend({ version: versionField });
export type UpdateBusinessInput = z.input<typeof updateBusinessSchema>;

export const deleteBusinessSchema = z.object({ confirmName: z.string('required').min(1, 'required') });

/** Slugs that are routes of the app itself and so cannot name a business. */
export const RESERVED_SLUGS = new Set([
  'api', 'dashboard', 'sign-in', 'sign-up', 'sign-out', 'forgot-password', 'reset-password', 'invite',
  'businesses', 'new', 'settings', 'account', '_next', 'static', 'public', 'favicon.ico', 'robots.txt',
]);

/** A logo upload from a form; `remove` clears the logo instead. */
export const businessLogoSchema = z.union([
  z.object({ logo: z.instanceof(File, { message: 'required' }) }),
  z.object({ remove: z.literal(true) }),
]);
