'use server';
import { getDb } from '@/server/db/client';
import { runBusinessAction, runUserAction } from '@/server/actions/run-action';
import { fieldErrorsOf } from '@/server/actions/operation';
import { markNotificationsReadOperation } from './operations';
import { saveNotificationPreferences } from './mutations';
import { notificationPreferencesSchema } from './schemas';

export async function markNotificationsReadAction(slug: string, input: unknown) {
  return runBusinessAction(markNotificationsReadOperation, slug, input);
}

/** Preferences belong to the user, not to a business: a signed-in user is all it needs. */
export async function saveNotificationPreferencesAction(input: unknown) {
  return runUserAction('saveNotificationPreferences', async (user) => {
    const parsed = notificationPreferencesSchema.safeParse(input);
    if (!parsed.success) return { ok: false, code: 'VALIDATION', message: 'errors.VALIDATION', fields: fieldErrorsOf(parsed.error) };
    await saveNotificationPreferences(getDb(), user.id, parsed.data);
    return { ok: true, message: 'notifications.preferencesSaved', data: null };
  });
}
