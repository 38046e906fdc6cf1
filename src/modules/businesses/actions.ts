'use server';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, requestedLocale } from '@/i18n/locale';
import { getDb } from '@/server/db/client';
import { runBusinessAction, runUserAction, type ActionResult } from '@/server/actions/run-action';
import { fieldErrorsOf } from '@/server/actions/operation';
import { createBusinessSchema, userTaskReminderSchema, userTimeZoneSchema } from './schemas';
import { createBusiness, setUserTaskReminder, setUserTimeZone } from './mutations';
import { deleteBusinessOperation, setBusinessLogoOperation, updateBusinessOperation } from './operations';

export async function createBusinessAction(input: unknown): Promise<ActionResult<{ slug: string }>> {
  return runUserAction('createBusiness', async (user) => {
    const parsed = createBusinessSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, code: 'VALIDATION', message: 'errors.VALIDATION', fields: fieldErrorsOf(parsed.error) };
    }
    // The business's default stages and columns are named in the language its creator uses.
    const locale = requestedLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
    const created = await createBusiness(getDb(), user, parsed.data, locale);
    return { ok: true, message: 'businesses.created', values: { name: parsed.data.name }, data: { slug: created.slug } };
  });
}

export async function setUserTimeZoneAction(input: unknown): Promise<ActionResult<null>> {
  return runUserAction('setUserTimeZone', async (user) => {
    const parsed = userTimeZoneSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, code: 'VALIDATION', message: 'errors.VALIDATION', fields: fieldErrorsOf(parsed.error) };
    }
    await setUserTimeZone(getDb(), user.id, parsed.data.timeZone);
    return { ok: true, message: 'businesses.userTimeZone.saved', data: null };
  });
}

export async function setUserTaskReminderAction(input: unknown): Promise<ActionResult<null>> {
  return runUserAction('setUserTaskReminder', async (user) => {
    const parsed = userTaskReminderSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, code: 'VALIDATION', message: 'errors.VALIDATION', fields: fieldErrorsOf(parsed.error) };
    }
    await setUserTaskReminder(getDb(), user.id, parsed.data.minutes);
    return { ok: true, message: 'businesses.taskReminder.saved', data: null };
  });
}

export async function updateBusinessAction(slug: string, input: unknown) {
  return runBusinessAction(updateBusinessOperation, slug, input);
}

export async function deleteBusinessAction(slug: string, input: unknown) {
  return runBusinessAction(deleteBusinessOperation, slug, input);
}

/** Takes the form data of the logo upload: a `logo` file, or `remove=1` to clear it. */
export async function setBusinessLogoAction(slug: string, formData: FormData) {
  const logo = formData.get('logo');
  const input = formData.get('remove') === '1' ? { remove: true } : { logo: logo instanceof File && logo.size > 0 ? logo : undefined };
  return runBusinessAction(setBusinessLogoOperation, slug, input);
}
