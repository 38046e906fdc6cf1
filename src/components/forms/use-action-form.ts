'use client';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { z } from 'zod';
import { ruleMessage, ruleOfIssue } from '@/lib/field-rules';

/** The shape every Server Action answers (see server/actions/run-action.ts). */
export type ActionResultLike<T> =
  | { ok: true; message: string; data: T }
  | { ok: false; code: string; message: string; fields?: Record<string, string> };

type Options<V extends Record<string, unknown>, T> = {
  initialValues: V;
  /** The same zod schema the server validates with, so the form says what is wrong before sending. */
  schema?: z.ZodType;
  action: (values: V) => Promise<ActionResultLike<T>>;
  onSuccess?: (data: T) => void;
};

/**
 * A Mantine form bound to a Server Action: validates with the module's schema, shows the
 * action's message as a toast after every save, and puts the server's field errors on the fields.
 */
export function useActionForm<V extends Record<string, unknown>, T>({ initialValues, schema, action, onSuccess }: Options<V, T>) {
  const tv = useTranslations('validation');
  const te = useTranslations('errors');
  const [pending, startTransition] = useTransition();
  const [submitting, setSubmitting] = useState(false);
  const form: UseFormReturnType<V> = useForm<V>({
    mode: 'controlled',
    initialValues,
    validate: schema
      ? (values) => {
          const parsed = schema.safeParse(values);
          if (parsed.success) return {};
          const errors: Record<string, string> = {};
          for (const issue of parsed.error.issues) {
            const key = issue.path.join('.');
            if (errors[key]) continue;
            errors[key] = ruleMessage(tv as never, ruleOfIssue(issue));
          }
          return errors;
        }
      : undefined,
  });

  const onSubmit = form.onSubmit(async (values) => {
    setSubmitting(true);
    try {
      const result = await action(values);
      if (result.ok) {
        notifications.show({ color: 'teal', message: result.message });
        startTransition(() => onSuccess?.(result.data));
      } else {
        if (result.fields) form.setErrors(result.fields);
        notifications.show({ color: 'red', message: result.message });
      }
    } catch {
      // A dropped connection or a server crash: nothing was confirmed, so say so.
      notifications.show({ color: 'red', message: te('INTERNAL') });
    } finally {
      setSubmitting(false);
    }
  });

  return { form, onSubmit, submitting: submitting || pending };
}
