import 'server-only';
import type { z } from 'zod';
import { encodeRule, ruleOfIssue } from '@/lib/field-rules';
import { isAppError, type ErrorCode, type FieldErrors } from '../../lib/errors';
import type { Action, Resource } from '../../lib/permissions';
import type { Ctx } from '../auth/context';
import { authorize } from '../auth/authorize';
import { checkDatabaseUnavailable } from '../db/unavailable';

/** What an operation returns on success: a message key (under the module's namespace) and data. */
export type OperationSuccess<T> = { message: string; values?: Record<string, string | number>; data: T };

export type OperationResult<T> =
  | { ok: true; message: string; values?: Record<string, string | number>; data: T }
  | { ok: false; code: ErrorCode | 'INTERNAL'; message: string; fields?: FieldErrors };

export type Operation<S extends z.ZodType, T> = {
  name: string;
  schema: S;
  /** The permission checked before the operation runs; finer rules (own records, roles) live in it. */
  permission: readonly [Resource, Action];
  run: (ctx: Ctx, input: z.output<S>) => Promise<OperationSuccess<T>>;
};

/**
 * Defines an operation of the domain layer: one place that parses input, checks the permission
 * table and runs the mutation. Server Actions and the REST API both call it, and tests call it
 * below the Next request layer.
 */
export function defineOperation<S extends z.ZodType, T>(
  name: string,
  def: { schema: S; permission: readonly [Resource, Action] },
  run: (ctx: Ctx, input: z.output<S>) => Promise<OperationSuccess<T>>,
): Operation<S, T> {
  return { name, schema: def.schema, permission: def.permission, run };
}

/** Zod issues → field name → translation key under `validation.`. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_';
    if (fields[field]) continue;
    // The rule with its limit ("tooLong:200"), so the message can say it.
    fields[field] = encodeRule(ruleOfIssue(issue));
  }
  return fields;
}

export async function runOperation<S extends z.ZodType, T>(
  op: Operation<S, T>,
  ctx: Ctx,
  rawInput: unknown,
): Promise<OperationResult<T>> {
  try {
    authorize(ctx, op.permission[0], op.permission[1]);
    const parsed = op.schema.safeParse(rawInput);
    if (!parsed.success) {
      return { ok: false, code: 'VALIDATION', message: 'errors.VALIDATION', fields: fieldErrorsOf(parsed.error) };
    }
    const result = await op.run(ctx, parsed.data);
    return { ok: true, ...result };
  } catch (err) {
    return failureOf(err, op.name);
  }
}

export function failureOf(err: unknown, where: string): Extract<OperationResult<never>, { ok: false }> {
  if (isAppError(err)) return { ok: false, code: err.code, message: err.message, fields: err.fields };
  // The database going away is no bug of the operation: the user is told to try again shortly.
  if (checkDatabaseUnavailable(err)) return { ok: false, code: 'UNAVAILABLE', message: 'errors.UNAVAILABLE' };
  console.error(`[operation ${where}]`, err);
  return { ok: false, code: 'INTERNAL', message: 'errors.INTERNAL' };
}
