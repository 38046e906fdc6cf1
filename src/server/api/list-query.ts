import 'server-only';
import { z } from 'zod';
import { AppError, type FieldErrors } from '@/lib/errors';
import { fieldErrorsOf } from '../actions/operation';

/** `?limit=&cursor=&search=` of every list; at most 200 rows a page. */
export const listQuery = z.object({
  limit: z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(200, 'tooLong').default(50),
  cursor: z.string().max(400, 'tooLong').optional(),
  search: z.string().trim().max(100, 'tooLong').optional(),
});

/**
 * `?sort=` of a list: an order's name for ascending, with a leading `-` for descending
 * (`sort=-created` is newest first). Anything else is a 400 with a `sort` field error.
 */
export function sortParam<const S extends string>(sorts: readonly S[], fallback: S) {
  const values = sorts.flatMap((s) => [s, `-${s}`]) as [string, ...string[]];
  return z
    .enum(values, 'invalid')
    .default(fallback)
    .describe(`One of ${sorts.map((s) => `\`${s}\``).join(', ')}; a leading \`-\` sorts descending`);
}

/** The order and direction a `sortParam` value names. */
export function parseSort<S extends string>(value: string): { sort: S; dir: 'asc' | 'desc' } {
  return value.startsWith('-') ? { sort: value.slice(1) as S, dir: 'desc' } : { sort: value as S, dir: 'asc' };
}

/**
 * A list's filter from its query parameters, checked as a whole (a range whose end comes before
 * its start): a 400 with field errors, like a bad parameter.
 */
export function parseFilters<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'errors.BAD_REQUEST', fieldErrorsOf(parsed.error) as FieldErrors);
  return parsed.data;
}
