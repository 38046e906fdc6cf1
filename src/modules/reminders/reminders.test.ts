/**
 * Reminders against the real database: the operations the pages and the API call, the own-records
 * scope of the everyday roles, the list views, and marking done with its history.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { auditLog, businesses, reminders } from '@/server/db/schema';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { insertTestReminder } from '../../../tests/factories/reminders';
import { createReminderOperation, deleteReminderOperation, markReminderDoneOperation, updateReminderOperation } from './operations';
import { findReminderOccurrences, findReminders, getReminder, searchCustomerOptions } from './queries';
import { formatWallClock } from '@/lib/dates';

afterAll(closeDb);

async function world(timeZone = 'Europe/Istanbul') {
  const db = getDb();
  const owner = await createUser(db, { name: 'Ayşe Yılmaz' });
  const business = await createTestBusiness(db, owner, { name: `Hatırlatan Dükkân ${Math.random().toString(36).slice(2, 6)}`, timeZone });
  const ownerCtx = await contextFor(db, owner.id, business.slug);
  const sales = await addPersonnel(db, business.id, { role: 'sales', name: 'Satışçı Selim' });
  const salesCtx = await contextFor(db, sales.user!.id, business.slug);
  const viewer = await addPersonnel(db, business.id, { role: 'viewer', name: 'İzleyici İpek' });
  const viewerCtx = await contextFor(db, viewer.user!.id, business.slug);
  return { db, owner, business, ownerCtx, sales, salesCtx, viewerCtx };
}

describe('reminders', () => {
  it('creates a reminder at a wall-clock time of the business’s zone, with a customer and an assignee', async () => {
    const { db, business, ownerCtx, sales } = await world('Europe/Berlin');
    const customer = await insertTestCustomer(db, business.id, { name: 'Çiçekçi Şükrü' });
    const created = await runOperation(createReminderOperation, ownerCtx, {
      title: 'Teklifi ara: ğüşiöç',
      dueAt: '2026-07-01 09:00',
      customerId: customer.id,
      assigneeId: sales.personnelId,
      note: 'Fiyatı sor',
      repeat: 'monthly',
    });
    expect(created).toMatchObject({ ok: true, message: 'reminders.created' });
    const reminder = await getReminder(db, ownerCtx, (created as { data: { id: string } }).data.id);
    expect(reminder.dueAt.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(reminder).toMatchObject({
      title: 'Teklifi ara: ğüşiöç',
      customer: { id: customer.id, name: 'Çiçekçi Şükrü' },
      assignee: { id: sales.personnelId, name: 'Satışçı Selim' },
      anchorDay: 1,
      repeat: 'monthly',
      version: 1,
    });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.businessId, business.id), eq(auditLog.entityId, reminder.id)));
    expect(audit).toMatchObject({ action: 'create', entityType: 'reminder' });
  });

  it('refuses bad input with field errors and ids of another business', async () => {
    const { db, ownerCtx } = await world();
    const other = await world();
    const theirCustomer = await insertTestCustomer(db, other.business.id);
    const bad = await runOperation(createReminderOperation, ownerCtx, { title: ' ', dueAt: '2026-02-30 09:00', repeat: 'yearly' });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', fields: { title: 'required', dueAt: 'invalid', repeat: 'invalid' } });
    const foreign = await runOperation(createReminderOperation, ownerCtx, {
      title: 'Başkasının müşterisi',
      dueAt: '2026-03-01 10:00',
      customerId: theirCustomer.id,
      assigneeId: other.ownerCtx.personnelId,
    });
    expect(foreign).toMatchObject({ ok: false, code: 'VALIDATION', fields: { customerId: 'invalid', assigneeId: 'invalid' } });
  });

  it('lets the everyday roles see and change only their own reminders, and viewers only read', async () => {
    const { db, business, ownerCtx, salesCtx, viewerCtx, sales } = await world();
    const others = await insertTestReminder(db, business.id, { title: 'Sahibin işi', createdById: ownerCtx.personnelId });
    const assigned = await insertTestReminder(db, business.id, { title: 'Selim’e atanan', assigneeId: sales.personnelId, createdById: ownerCtx.personnelId });
    const created = await runOperation(createReminderOperation, salesCtx, { title: 'Selim’in kendi notu', dueAt: '2030-01-01 10:00' });
    expect(created.ok).toBe(true);

    const titles = async (ctx: typeof ownerCtx) => (await findReminders(db, ctx, { view: 'open' })).data.map((r) => r.title).sort();
    expect(await titles(salesCtx)).toEqual(['Selim’e atanan', 'Selim’in kendi notu']);
    expect(await titles(ownerCtx)).toEqual(['Sahibin işi', 'Selim’e atanan', 'Selim’in kendi notu']);
    expect(await titles(viewerCtx)).toHaveLength(3);

    // Someone else's reminder is not there at all for sales: not found, never "forbidden".
    await expect(getReminder(db, salesCtx, others.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const edit = { id: others.id, version: 1, title: 'Ele geçirildi', dueAt: '2030-01-01 10:00' };
    expect(await runOperation(updateReminderOperation, salesCtx, edit)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await runOperation(deleteReminderOperation, salesCtx, { id: others.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await runOperation(markReminderDoneOperation, salesCtx, { id: others.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const [untouched] = await db.select().from(reminders).where(and(eq(reminders.businessId, business.id), eq(reminders.id, others.id)));
    expect(untouched).toMatchObject({ title: 'Sahibin işi', version: 1, doneAt: null });

    // Their own (assigned) one they may change.
    expect(await runOperation(updateReminderOperation, salesCtx, { id: assigned.id, version: 1, title: 'Selim aradı', dueAt: '2030-01-02 10:00', assigneeId: sales.personnelId })).toMatchObject({ ok: true });
    // Viewers read everything and change nothing.
    expect(await runOperation(createReminderOperation, viewerCtx, { title: 'x', dueAt: '2030-01-01 10:00' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runOperation(markReminderDoneOperation, viewerCtx, { id: others.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a stale edit with 409 and clears notified_at when the due date moves', async () => {
    const { db, business, ownerCtx } = await world();
    const r = await insertTestReminder(db, business.id, { title: 'Eski', createdById: ownerCtx.personnelId, dueAt: new Date('2030-03-01T06:00:00Z') });
    await db.update(reminders).set({ notifiedAt: new Date() }).where(and(eq(reminders.businessId, business.id), eq(reminders.id, r.id)));
    const sameDue = formatWallClock((await getReminder(db, ownerCtx, r.id)).dueAt, 'Europe/Istanbul');
    expect(await runOperation(updateReminderOperation, ownerCtx, { id: r.id, version: 1, title: 'Yeni başlık', dueAt: sameDue })).toMatchObject({ ok: true });
    expect((await getReminder(db, ownerCtx, r.id)).notifiedAt).not.toBeNull();
    expect(await runOperation(updateReminderOperation, ownerCtx, { id: r.id, version: 1, title: 'Bayat', dueAt: sameDue })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'errors.STALE' });
    expect(await runOperation(updateReminderOperation, ownerCtx, { id: r.id, version: 2, title: 'Ertelendi', dueAt: '2031-05-05 11:00' })).toMatchObject({ ok: true });
    expect(await getReminder(db, ownerCtx, r.id)).toMatchObject({ title: 'Ertelendi', notifiedAt: null, version: 3 });
  });

  it('sorts reminders into overdue, today, upcoming and done, paging with a cursor', async () => {
    const { db, business, ownerCtx } = await world();
    const now = new Date('2026-05-10T09:00:00Z'); // 12:00 in Istanbul
    const at = (iso: string) => new Date(iso);
    const mk = (title: string, dueAt: Date) => insertTestReminder(db, business.id, { title, dueAt, createdById: ownerCtx.personnelId });
    await mk('dün', at('2026-05-09T09:00:00Z'));
    await mk('bu sabah', at('2026-05-10T05:00:00Z'));
    await mk('bu akşam', at('2026-05-10T17:00:00Z'));
    await mk('gece yarısından önce', at('2026-05-10T20:59:00Z'));
    await mk('yarın', at('2026-05-10T21:00:00Z'));
    for (let i = 0; i < 5; i++) await mk(`sonra ${i}`, at(`2026-06-0${i + 1}T09:00:00Z`));
    const done = await mk('bitti', at('2026-05-01T09:00:00Z'));
    await runOperation(markReminderDoneOperation, ownerCtx, { id: done.id });

    const view = async (v: 'overdue' | 'today' | 'upcoming' | 'done') => (await findReminders(db, ownerCtx, { view: v, now })).data.map((r) => r.title);
    expect(await view('overdue')).toEqual(['dün', 'bu sabah']);
    expect(await view('today')).toEqual(['bu akşam', 'gece yarısından önce']);
    expect(await view('upcoming')).toEqual(['yarın', 'sonra 0', 'sonra 1', 'sonra 2', 'sonra 3', 'sonra 4']);
    expect(await view('done')).toEqual(['bitti']);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await findReminders(db, ownerCtx, { view: 'upcoming', now, limit: 4, cursor });
      seen.push(...page.data.map((r) => r.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['yarın', 'sonra 0', 'sonra 1', 'sonra 2', 'sonra 3', 'sonra 4']);
    await expect(findReminders(db, ownerCtx, { cursor: 'bozuk' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('moves a repeating reminder to its next date when done and keeps the history', async () => {
    const { db, business, owner } = await world();
    await db.update(businesses).set({ timeZone: 'Europe/Berlin' }).where(eq(businesses.id, business.id));
    // The zone is read into the context once per request: the next request sees Berlin.
    const ownerCtx = await contextFor(db, owner.id, business.slug);
    const created = await runOperation(createReminderOperation, ownerCtx, { title: 'Aylık kontrol', dueAt: '2026-01-31 09:00', repeat: 'monthly' });
    const id = (created as { data: { id: string } }).data.id;
    const now = new Date('2026-01-31T10:00:00Z');
    const { markReminderDone } = await import('./mutations');
    const first = await markReminderDone(db, ownerCtx, { id, version: 1 }, now);
    expect(formatWallClock(first.nextDueAt!, 'Europe/Berlin')).toBe('2026-02-28 09:00');
    const second = await markReminderDone(db, ownerCtx, { id, version: 2 }, new Date('2026-02-28T09:00:00Z'));
    expect(formatWallClock(second.nextDueAt!, 'Europe/Berlin')).toBe('2026-03-31 09:00');
    const stale = await runOperation(markReminderDoneOperation, ownerCtx, { id, version: 1 });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    const reminder = await getReminder(db, ownerCtx, id);
    expect(reminder).toMatchObject({ doneAt: null, anchorDay: 31, version: 3 });
    const history = await findReminderOccurrences(db, ownerCtx, id);
    expect(history.map((h) => formatWallClock(h.dueAt, 'Europe/Berlin'))).toEqual(['2026-02-28 09:00', '2026-01-31 09:00']);
    expect(history[0]!.doneBy?.name).toBe('Ayşe Yılmaz');

    // A one-off reminder is closed, and cannot be done twice.
    const once = await runOperation(createReminderOperation, ownerCtx, { title: 'Bir kez', dueAt: '2026-01-31 09:00' });
    const onceId = (once as { data: { id: string } }).data.id;
    expect(await runOperation(markReminderDoneOperation, ownerCtx, { id: onceId })).toMatchObject({ ok: true, message: 'reminders.done' });
    expect((await getReminder(db, ownerCtx, onceId)).doneAt).toBeInstanceOf(Date);
    expect(await runOperation(markReminderDoneOperation, ownerCtx, { id: onceId })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'reminders.errors.alreadyDone' });
  });

  it('deletes a reminder with its history', async () => {
    const { db, ownerCtx } = await world();
    const created = await runOperation(createReminderOperation, ownerCtx, { title: 'Silinecek', dueAt: '2026-01-01 09:00', repeat: 'daily' });
    const id = (created as { data: { id: string } }).data.id;
    await runOperation(markReminderDoneOperation, ownerCtx, { id });
    expect(await runOperation(deleteReminderOperation, ownerCtx, { id })).toMatchObject({ ok: true, message: 'reminders.deleted' });
    await expect(getReminder(db, ownerCtx, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await runOperation(deleteReminderOperation, ownerCtx, { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('finds customers for the picker by folded Turkish text', async () => {
    const { db, business, ownerCtx } = await world();
    await insertTestCustomer(db, business.id, { name: 'ŞİMŞEK Işıklandırma' });
    await insertTestCustomer(db, business.id, { name: 'Öztürk Gıda' });
    expect((await searchCustomerOptions(db, ownerCtx, 'simsek isik')).map((c) => c.name)).toEqual(['ŞİMŞEK Işıklandırma']);
    expect((await searchCustomerOptions(db, ownerCtx, 'ÖZTÜRK')).map((c) => c.name)).toEqual(['Öztürk Gıda']);
    expect(await searchCustomerOptions(db, ownerCtx, '%')).toEqual([]);
  });
});
