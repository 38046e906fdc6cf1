import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { createApiKey } from '@/modules/api-keys/mutations';
import { formatMoney, isKnownCurrency, parseMoney, readMoney } from '@/lib/money';
import { contextFor, createTestBusiness, createUser } from './factories';
import { apiCall } from './api';

let key: string;

beforeAll(async () => {
  const db = getDb();
  const owner = await createUser(db, { name: 'Para Sahibi' });
  const business = await createTestBusiness(db, owner, { name: 'Para Dükkânı' });
  key = (await createApiKey(db, await contextFor(db, owner.id, business.slug), { name: 'para', role: 'admin', expiresAt: null })).key;
});
afterAll(closeDb);

describe('deal currencies', () => {
  it('knows the ISO 4217 codes the money code handles, nothing else', () => {
    for (const c of ['TRY', 'USD', 'EUR', 'GBP', 'JPY', 'KWD']) expect(isKnownCurrency(c), c).toBe(true);
    for (const c of ['ZZZ', 'XYZ', 'try', 'TL', '', 'constructor', '__proto__', 'toString']) expect(isKnownCurrency(c), c).toBe(false);
  });

  it('refuses a deal in a made-up currency with a field error, and takes a known one in any case', async () => {
    for (const currency of ['ZZZ', 'ABC', 'XXX']) {
      const res = await apiCall('POST', '/deals', { key }, { title: 'd', value: { amountMinor: 100, currency } });
      expect(res, currency).toMatchObject({ status: 422, json: { error: { code: 'VALIDATION', fields: { 'value.currency': expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) } } } });
    }
    const ok = await apiCall('POST', '/deals', { key }, { title: 'd', value: { amountMinor: 100, currency: 'eur' } });
    expect(ok).toMatchObject({ status: 201, json: { value: { amountMinor: 100, currency: 'EUR' } } });
    const id = (ok.json as { id: string }).id;
    expect((await apiCall('PATCH', `/deals/${id}`, { key }, { value: { amountMinor: 5, currency: 'ZZZ' } })).status).toBe(422);
  });

  it('takes a Kuwaiti dinar amount typed as "1.234" in English as 1.234 KWD, three decimals', async () => {
    const amountMinor = parseMoney('1.234', 'KWD', 'en');
    expect(amountMinor).toBe(1234);
    // Too many decimals for the currency is the field's error, not a rounded amount.
    expect(readMoney('1.2345', 'KWD', 'en')).toEqual({ ok: false, error: 'tooManyDecimals' });
    const res = await apiCall('POST', '/deals', { key }, { title: 'Kuveyt', value: { amountMinor, currency: 'KWD' } });
    expect(res).toMatchObject({ status: 201, json: { value: { amountMinor: 1234, currency: 'KWD' } } });
    const read = await apiCall('GET', `/deals/${(res.json as { id: string }).id}`, { key });
    const value = (read.json as { value: { amountMinor: number; currency: string } }).value;
    expect(formatMoney(value.amountMinor, value.currency, 'en')).toBe('KWD\u00a01.234');
    expect(formatMoney(value.amountMinor, value.currency, 'tr')).toBe('KWD\u00a01,234');
  });
});
