import type { z } from 'zod';

/**
 * A field error as a rule the user can act on: its code (a key of the `validation` messages) and,
 * for limits, the limit itself ("at most 200 characters", "0 or more"). Server and browser read
 * zod issues through this one helper, so the form, the action's answer and the API say the same.
 */
export type FieldRule = { code: string; min?: number; max?: number };

/** Which limit a code carries: the message key with the limit is `<code>Limit`. */
const LIMIT_OF: Record<string, 'min' | 'max'> = { tooLong: 'max', tooBig: 'max', tooMany: 'max', tooShort: 'min', tooSmall: 'min' };

function limit(value: unknown): number | undefined {
  const n = typeof value === 'bigint' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** The rule a zod issue broke. Schemas name their codes (`'tooLong'`); sizes come from the issue. */
export function ruleOfIssue(issue: z.core.$ZodIssue): FieldRule {
  const named = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
  if (issue.code === 'too_big') {
    const max = limit(issue.maximum);
    const code = issue.origin === 'string' ? 'tooLong' : issue.origin === 'array' || issue.origin === 'set' ? 'tooMany' : 'tooBig';
    // A schema's own word that is not about size (say, `amountTooLarge`) stays.
    if (max === undefined || (named !== 'invalid' && named !== code && named !== 'tooLong')) return { code: named };
    return { code, max: issue.inclusive === false ? max - 1 : max };
  }
  if (issue.code === 'too_small') {
    const min = limit(issue.minimum);
    if (named === 'required' || min === undefined) return { code: named };
    if (issue.origin === 'string' || issue.origin === 'array') return min <= 1 ? { code: 'required' } : { code: 'tooShort', min };
    if (named !== 'invalid' && named !== 'tooSmall') return { code: named };
    return { code: 'tooSmall', min: issue.inclusive === false ? min + 1 : min };
  }
  return { code: named };
}

/** A rule as the one string a form field error travels as ("tooLong:200"). */
export function encodeRule(rule: FieldRule): string {
  const value = rule.max ?? rule.min;
  return value === undefined ? rule.code : `${rule.code}:${value}`;
}

export function decodeRule(text: string): FieldRule {
  const [code = 'invalid', value] = text.split(':');
  const side = LIMIT_OF[code];
  const n = value === undefined ? Number.NaN : Number(value);
  return side && Number.isFinite(n) ? { code, [side]: n } : { code };
}

type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** The message of a rule in the reader's language, with its limit: "En fazla 200 karakter olabilir." */
export function ruleMessage(t: Translate, rule: FieldRule): string {
  const value = rule.max ?? rule.min;
  if (value !== undefined && t.has(`${rule.code}Limit`)) return t(`${rule.code}Limit`, { limit: value });
  return t.has(rule.code) ? t(rule.code) : t('invalid');
}
