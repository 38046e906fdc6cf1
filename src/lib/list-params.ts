import { isUuid } from './ids';
import { isCalendarDate } from './validation';

/*
 * A list page keeps its search, filters, order, view and page in the URL, so a link or a reload
 * shows the same list. Pages read the parameters with these helpers and drop what they do not
 * understand instead of failing: a hand-edited URL shows the unfiltered list.
 */

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** One parameter as text (the first when repeated), trimmed, at most `max` characters. */
export function textParam(params: SearchParamsRecord, name: string, max = 100): string | undefined {
  const raw = params[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.replaceAll('\u0000', '').trim().slice(0, max);
  return value || undefined;
}

/** A comma-separated list of known values, in their order. */
export function listParam<const T extends string>(params: SearchParamsRecord, name: string, allowed: readonly T[]): T[] | undefined {
  const picked = (textParam(params, name, 200) ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return picked.length > 0 ? [...new Set(picked)] : undefined;
}

export function uuidParam(params: SearchParamsRecord, name: string): string | undefined {
  const value = textParam(params, name, 36);
  return value && isUuid(value) ? value : undefined;
}

/** A calendar day, `YYYY-MM-DD`. */
export function dayParam(params: SearchParamsRecord, name: string): string | undefined {
  const value = textParam(params, name, 10);
  return value && isCalendarDate(value) ? value : undefined;
}

export function choiceParam<const T extends string>(params: SearchParamsRecord, name: string, allowed: readonly T[], fallback: T): T {
  const value = textParam(params, name, 40);
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** `sort=name` or `sort=-name` (descending), as the API writes it; the fallback when unknown. */
export function sortParamOf<const S extends string>(
  params: SearchParamsRecord,
  allowed: readonly S[],
  fallback: { sort: S; dir: 'asc' | 'desc' },
): { sort: S; dir: 'asc' | 'desc' } {
  const value = textParam(params, 'sort', 40) ?? '';
  const dir = value.startsWith('-') ? 'desc' : 'asc';
  const sort = value.replace(/^-/, '');
  return (allowed as readonly string[]).includes(sort) ? { sort: sort as S, dir } : fallback;
}

export function sortText(sort: string, dir: 'asc' | 'desc'): string {
  return dir === 'desc' ? `-${sort}` : sort;
}

/** A query string from values; empty ones are left out. */
export function queryString(values: Record<string, string | readonly string[] | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    const text = Array.isArray(value) ? value.join(',') : (value as string | null | undefined);
    if (text) params.set(name, text);
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
