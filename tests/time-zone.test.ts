/**
 * One effective time zone per request: the user's own zone, else the business's, read into the
 * context, and the "today" of the reminder views cut in it. Runs with the process in UTC
 * (`TZ=UTC`, the usual server) so nothing passes because the machine happens to be in Istanbul.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { effectiveTimeZone } from '@/server/auth/context';
import { setUserTimeZone } from '@/modules/businesses/mutations';
import { createReminderOperation } from '@/modules/reminders/operations';
import { countReminderViews, findReminders } from '@/modules/reminders/queries';
import { formatDateTime } from '@/lib/format-date';
import { contextFor, createTestBusiness, createUser } from './factories';

const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'UTC';
});
afterAll(async () => {
  process.env.TZ = savedTz;
  await closeDb();
});

async function world() {
  const db = getDb();
  const owner = await createUser(db, { name: 'Zeynep Saat' });
  const business = await createTestBusiness(db, owner, { name: `Saat Evi ${Math.random().toString(36).slice(2, 6)}`, timeZone: 'Europe/Istanbul' });
  return { db, owner, business };
}

describe('the effective time zone', () => {
  it("is the business's until the user picks their own, and the user's after", async () => {
    const { db, owner, business } = await world();
    expect((await contextFor(db, owner.id, business.slug)).timeZone).toBe('Europe/Istanbul');
    await setUserTimeZone(db, owner.id, 'America/New_York');
    expect((await contextFor(db, owner.id, business.slug)).timeZone).toBe('America/New_York');
    await setUserTimeZone(db, owner.id, null);
    expect((await contextFor(db, owner.id, business.slug)).timeZone).toBe('Europe/Istanbul');
  });

  it('falls back to the business zone when the stored one is unknown to the runtime', () => {
    expect(effectiveTimeZone('Mars/Olympus', 'Europe/Istanbul')).toBe('Europe/Istanbul');
    expect(effectiveTimeZone(null, 'Europe/Istanbul')).toBe('Europe/Istanbul');
    expect(effectiveTimeZone('Europe/London', 'Europe/Istanbul')).toBe('Europe/London');
  });

  it('cuts "today" of the reminders at midnight of the effective zone, not of the server', async () => {
    const { db, owner, business } = await world();
    const ctx = await contextFor(db, owner.id, business.slug);
    // 22:30 UTC on 1 June: 01:30 on 2 June in Istanbul, 18:30 on 1 June in New York.
    const now = new Date('2026-06-01T22:30:00Z');
    // 06:00 on 2 June in Istanbul (03:00 UTC): today in Istanbul and (23:00 on 1 June) in New York.
    await runOperation(createReminderOperation, ctx, { title: 'early', dueAt: '2026-06-02 06:00' });
    // 13:00 on 2 June in Istanbul (10:00 UTC): today in Istanbul, tomorrow in New York.
    await runOperation(createReminderOperation, ctx, { title: 'afternoon', dueAt: '2026-06-02 13:00' });
    // Cut by the server's UTC day, both would be tomorrow.

    const istanbul = await findReminders(db, ctx, { view: 'today', now });
    expect(istanbul.data.map((r) => r.title)).toEqual(['early', 'afternoon']);
    expect(await countReminderViews(db, ctx, now)).toMatchObject({ overdue: 0, today: 2, upcoming: 0 });

    await setUserTimeZone(db, owner.id, 'America/New_York');
    const nyCtx = await contextFor(db, owner.id, business.slug);
    expect(nyCtx.timeZone).toBe('America/New_York');
    expect((await findReminders(db, nyCtx, { view: 'today', now })).data.map((r) => r.title)).toEqual(['early']);
    expect(await countReminderViews(db, nyCtx, now)).toMatchObject({ overdue: 0, today: 1, upcoming: 1 });
  });

  it('enters and shows wall-clock times in the effective zone', async () => {
    const { db, owner, business } = await world();
    await setUserTimeZone(db, owner.id, 'Europe/London');
    const ctx = await contextFor(db, owner.id, business.slug);
    const created = await runOperation(createReminderOperation, ctx, { title: 'London call', dueAt: '2026-01-15 09:00' });
    expect(created).toMatchObject({ ok: true });
    const [reminder] = (await findReminders(db, ctx, { view: 'open' })).data;
    expect(reminder!.dueAt.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(formatDateTime(reminder!.dueAt, 'en', ctx.timeZone)).toBe('15 Jan 2026, 09:00');
    expect(formatDateTime(reminder!.dueAt, 'tr', 'Europe/Istanbul')).toBe('15 Oca 2026 12:00');
  });
});
