/**
 * Zod building blocks shared by every module's schemas. Error messages are translation keys
 * under `validation.` so that the server and the forms show the same text in the user's language.
 */
import { z } from 'zod';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * PostgreSQL text cannot hold U+0000: a value with one fails the insert, which would surface as
 * a server error instead of a field error.
 */
export function hasNoNul(value: string): boolean {
  return !value.includes('\u0000');
}

/** Trims; an empty string means "not given" and becomes null. */
export function optionalText(max: number) {
  return z
    .string('invalid')
    .trim()
    .max(max, 'tooLong')
    .refine(hasNoNul, 'invalid')
    .nullish()
    .transform((v) => (v ? v : null));
}

export function requiredText(max: number) {
  return z.string('required').trim().min(1, 'required').max(max, 'tooLong').refine(hasNoNul, 'invalid');
}

export function optionalEmail() {
  return z
    .string('invalid')
    .trim()
    .max(254, 'tooLong')
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null))
    .refine((v) => v === null || z.email().safeParse(v).success, 'email');
}

/** Parses a phone number as a Turkish user writes it ("0532 123 45 67", "+90 532…") into E.164. */
export function normalizePhone(value: string, defaultCountry: 'TR' = 'TR'): string | null {
  const parsed = parsePhoneNumberFromString(value, defaultCountry);
  return parsed && parsed.isValid() ? parsed.number : null;
}

export function optionalPhone() {
  return z
    .string('invalid')
    .trim()
    .max(40, 'tooLong')
    .nullish()
    .transform((v, ctx) => {
      if (!v) return null;
      const phone = normalizePhone(v);
      if (!phone) {
        ctx.addIssue({ code: 'custom', message: 'phone' });
        return z.NEVER;
      }
      return phone;
    });
}

/** The calendar dates accepted anywhere: PostgreSQL has no year 0, and nothing real is older. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '9999-12-31';

/** A calendar date as YYYY-MM-DD that exists (no 2024-02-30), between EARLIEST_DATE and LATEST_DATE. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < EARLIEST_DATE || value > LATEST_DATE) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** Every calendar-date field (due dates, close dates, birthdays, filters) goes through this. */
export const dateField = z.string('invalid').refine(isCalendarDate, 'invalid');

/** An optional calendar date: absent, null or '' (an emptied form field) become null. */
export const optionalDateField = z
  .union([dateField, z.literal('')], 'invalid')
  .nullish()
  .transform((v) => v || null);

export const versionField = z.number('invalid').int('invalid').min(1, 'invalid');
export const uuidField = z.uuid('invalid');

export { isValidTimeZone } from './format-date';
