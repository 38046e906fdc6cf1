import 'server-only';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { AppError, type ErrorCode } from '../../lib/errors';
import { decodeRule, ruleMessage } from '../../lib/field-rules';
import { getDb } from '../db/client';
import { getSessionUser, type SessionUser } from '../auth/session';
import { loadBusinessContext } from '../auth/context';
import { isSameOrigin } from '../auth/origin';
import { failureOf, runOperation, type Operation, type OperationResult } from './operation';

/** What every Server Action answers; the UI shows `message` as a toast and `fields` in the form. */
export type ActionResult<T = null> =
  | { ok: true; message: string; data: T }
  | { ok: false; code: ErrorCode | 'INTERNAL'; message: string; fields?: Record<string, string> };

/**
 * Server Actions are public POST endpoints. Next lets a request without an Origin header through;
 * we do not: a state change must come from a page of this app.
 */
export async function assertSameOrigin(): Promise<void> {
  if (!isSameOrigin(await headers())) throw new AppError('FORBIDDEN');
}

async function translate<T>(result: OperationResult<T>): Promise<ActionResult<T>> {
  const t = await getTranslations();
  if (result.ok) return { ok: true, message: t(result.message as never, result.values as never), data: result.data };
  const tv = await getTranslations('validation');
  const fields = result.fields
    ? Object.fromEntries(Object.entries(result.fields).map(([k, v]) => [k, ruleMessage(tv as never, decodeRule(v))]))
    : undefined;
  const message = t.has(result.message as never) ? t(result.message as never) : t('errors.INTERNAL');
  return { ok: false, code: result.code, message, ...(fields ? { fields } : {}) };
}

/** Runs an operation of the business named by `slug` for the signed-in user. */
export async function runBusinessAction<S extends z.ZodType, T>(
  op: Operation<S, T>,
  slug: unknown,
  input: unknown,
): Promise<ActionResult<T>> {
  let result: OperationResult<T>;
  try {
    await assertSameOrigin();
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (typeof slug !== 'string') throw new AppError('NOT_FOUND');
    const ctx = await loadBusinessContext(getDb(), user.id, slug);
    result = await runOperation(op, ctx, input);
    // A read (a picker's search, "load more") changes nothing: re-rendering the page would only cost.
    if (result.ok && op.permission[1] !== 'read') revalidatePath(`/${ctx.businessSlug}`, 'layout');
  } catch (err) {
    result = failureOf(err, op.name);
  }
  return translate(result);
}

/** Runs a step that needs a signed-in user but no business yet (creating a business). */
export async function runUserAction<T>(
  name: string,
  fn: (user: SessionUser) => Promise<OperationResult<T>>,
): Promise<ActionResult<T>> {
  let result: OperationResult<T>;
  try {
    await assertSameOrigin();
    const user = await getSessionUser();
    if (!user) throw new AppError('UNAUTHENTICATED');
    result = await fn(user);
  } catch (err) {
    result = failureOf(err, name);
  }
  return translate(result);
}
