import { z } from 'zod';
import { uuidField } from '@/lib/validation';
import { LOCALES } from '@/i18n/locale';

/** Marks some of the caller's notifications read (by id), or all of them. */
export const markNotificationsReadSchema = z
  .object({
    ids: z.array(uuidField, 'invalid').max(100, 'tooLong').optional(),
    all: z.boolean('invalid').optional(),
  })
  .refine((v) => v.all === true || (v.ids?.length ?? 0) > 0, { message: 'required', path: ['ids'] });

export const notificationPreferencesSchema = z.object({
  inApp: z.boolean('invalid'),
  email: z.boolean('invalid'),
  /** The language of the e-mails; the form sends the language the user is using. */
  locale: z.enum(LOCALES, 'invalid').optional(),
});
export type NotificationPreferencesInput = z.input<typeof notificationPreferencesSchema>;
