import { createTranslator } from 'next-intl';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '@/i18n/messages';
import { createDealSchema } from '@/modules/deals/schemas';
import { createProjectSchema } from '@/modules/projects/schemas';
import { decodeRule, encodeRule, ruleMessage, ruleOfIssue } from './field-rules';

function messagesOf(input: unknown, schema: z.ZodType, locale: 'tr' | 'en') {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'validation' });
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(false);
  return Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path.join('.'), ruleMessage(t as never, decodeRule(encodeRule(ruleOfIssue(issue))))]));
}

describe('field rules', () => {
  it('say the rule a value broke, with its limit, in Turkish and English', () => {
    const bad = { title: 'x'.repeat(5000), value: { amountMinor: -100_000, currency: 'TRY' } };
    expect(messagesOf(bad, createDealSchema, 'tr')).toEqual({ title: 'En fazla 200 karakter olabilir.', 'value.amountMinor': '0 veya daha büyük olmalı.' });
    expect(messagesOf(bad, createDealSchema, 'en')).toEqual({ title: 'At most 200 characters.', 'value.amountMinor': 'Must be 0 or more.' });
    expect(messagesOf({ title: 'Fırsat', probability: 150 }, createDealSchema, 'tr')).toEqual({ probability: '100 veya daha küçük olmalı.' });
    expect(messagesOf({ name: '' }, createProjectSchema, 'tr')).toEqual({ name: 'Bu alan zorunludur.' });
    expect(messagesOf({ name: 'P', memberIds: Array.from({ length: 101 }, () => '0190a0a0-0000-7000-8000-000000000000') }, createProjectSchema, 'en')).toEqual({ memberIds: 'At most 100 of these.' });
  });

  it('travel as one string and come back whole', () => {
    expect(encodeRule({ code: 'tooLong', max: 200 })).toBe('tooLong:200');
    expect(decodeRule('tooLong:200')).toEqual({ code: 'tooLong', max: 200 });
    expect(decodeRule('tooSmall:0')).toEqual({ code: 'tooSmall', min: 0 });
    expect(decodeRule('email')).toEqual({ code: 'email' });
  });
});
