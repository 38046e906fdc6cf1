/**
 * Contracts against the real database and the files folder: the end reminder follows the dates
 * (made, moved, deleted with the contract), uploads are told apart by their bytes, SVG is refused,
 * and "own" follows the deal's owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { businesses, contracts, reminders } from '@/server/db/schema';
import { runOperation } from '@/server/actions/operation';
import type { Ctx } from '@/server/auth/context';
import { readBusinessFile } from '@/server/files/storage';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { insertTestDeal } from '../../../tests/factories/quotes';
import { contractReminderDue } from './dates';
import { addCalendarDays } from '@/lib/dates';

const daysBefore = (day: string, days: number) => addCalendarDays(day, -days);
import { createContractOperation, deleteContractOperation, updateContractOperation } from './operations';
import { findContracts, getContract } from './queries';

let owner: Ctx;
let sales: Ctx;
let customerId: string;

beforeAll(async () => {
  const db = getDb();
  const user = await createUser(db, { name: 'Sözleşme Sahibi' });
  const business = await createTestBusiness(db, user, { name: 'Sözleşme Ltd.' });
  await db.update(businesses).set({ timeZone: 'Europe/Istanbul' }).where(eq(businesses.id, business.id));
  owner = await contextFor(db, user.id, business.slug);
  const s = await addPersonnel(db, business.id, { role: 'sales' });
  sales = await contextFor(db, s.user!.id, business.slug);
  customerId = (await insertTestCustomer(db, business.id, { name: 'Çiğdem Öztürk' })).id;
});
afterAll(closeDb);

async function reminderOf(id: string | null) {
  if (!id) return null;
  const [row] = await getDb().select().from(reminders).where(and(eq(reminders.businessId, owner.businessId), eq(reminders.id, id)));
  return row ?? null;
}

describe('contract dates', () => {
  it('counts back calendar days across months, years and leap days', () => {
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2028-03-01', 1)).toBe('2028-02-29');
    expect(daysBefore('2027-01-15', 30)).toBe('2026-12-16');
    expect(daysBefore('2027-01-15', 0)).toBe('2027-01-15');
  });
  it('has no reminder without an end date or once the contract is over', () => {
    expect(contractReminderDue({ endDate: null, status: 'active', remindDaysBefore: 30 })).toBeNull();
    expect(contractReminderDue({ endDate: '2030-06-30', status: 'terminated', remindDaysBefore: 30 })).toBeNull();
    expect(contractReminderDue({ endDate: '2030-06-30', status: 'active', remindDaysBefore: 30 })).toBe('2030-05-31 09:00');
  });
});

describe('contracts', () => {
  it('makes the end reminder at 09:00 Istanbul time, moves it with the dates and deletes it with the contract', async () => {
    const deal = await insertTestDeal(getDb(), owner.businessId, { customerId, ownerId: sales.personnelId });
    const created = await runOperation(createContractOperation, owner, { dealId: deal.id, title: 'Bakım sözleşmesi', status: 'active', startDate: '2030-01-01', endDate: '2030-12-31', remindDaysBefore: 30 });
    expect(created.ok).toBe(true);
    const id = (created as { data: { id: string } }).data.id;
    let c = await getContract(getDb(), owner, id);
    let r = await reminderOf(c.reminderId);
    // 2030-12-01 09:00 in Istanbul (UTC+3) is 06:00 UTC; for the deal's owner, about its customer.
    expect(r?.dueAt.toISOString()).toBe('2030-12-01T06:00:00.000Z');
    expect(r).toMatchObject({ assigneeId: sales.personnelId, customerId });
    expect(r?.title).toContain('Bakım sözleşmesi');

    expect((await runOperation(updateContractOperation, owner, { id, version: 1, title: 'Bakım sözleşmesi', status: 'active', endDate: '2031-03-31', remindDaysBefore: 10 })).ok).toBe(true);
    c = await getContract(getDb(), owner, id);
    r = await reminderOf(c.reminderId);
    expect(r?.dueAt.toISOString()).toBe('2031-03-21T06:00:00.000Z');
    const stale = await runOperation(updateContractOperation, owner, { id, version: 1, title: 'x', status: 'active' });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });

    // Terminated: the reminder goes.
    expect((await runOperation(updateContractOperation, owner, { id, version: 2, title: 'Bakım sözleşmesi', status: 'terminated', endDate: '2031-03-31' })).ok).toBe(true);
    const reminderId = r!.id;
    expect(await reminderOf(reminderId)).toBeNull();
    expect((await getContract(getDb(), owner, id)).reminderId).toBeNull();

    // Active again: a new one; deleting the contract deletes it.
    expect((await runOperation(updateContractOperation, owner, { id, version: 3, title: 'Bakım sözleşmesi', status: 'active', endDate: '2031-03-31' })).ok).toBe(true);
    const again = (await getContract(getDb(), owner, id)).reminderId;
    expect(await reminderOf(again)).not.toBeNull();
    expect((await runOperation(deleteContractOperation, owner, { id })).ok).toBe(true);
    expect(await reminderOf(again)).toBeNull();
  });

  it('stores a PDF, refuses SVG and unknown types, and keeps nothing of a refused upload', async () => {
    const pdf = new File([Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF')], 'sözleşme.pdf', { type: 'application/pdf' });
    const ok = await runOperation(createContractOperation, owner, { customerId, title: 'Kira sözleşmesi', file: pdf });
    expect(ok.ok).toBe(true);
    const c = await getContract(getDb(), owner, (ok as { data: { id: string } }).data.id);
    expect(c).toMatchObject({ fileName: 'sözleşme.pdf', fileType: 'application/pdf', customerId, reminderId: null });
    expect((await readBusinessFile(c.filePath!))?.subarray(0, 5).toString()).toBe('%PDF-');

    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'x.svg', { type: 'image/svg+xml' });
    const before = await getDb().select({ id: contracts.id }).from(contracts).where(eq(contracts.businessId, owner.businessId));
    expect(await runOperation(createContractOperation, owner, { customerId, title: 'SVG', file: svg })).toMatchObject({ ok: false, code: 'VALIDATION', fields: { file: 'fileType' } });
    const exe = new File([Buffer.from('MZ\x90\x00')], 'x.pdf');
    expect(await runOperation(createContractOperation, owner, { customerId, title: 'EXE', file: exe })).toMatchObject({ ok: false, fields: { file: 'fileType' } });
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.pdf');
    expect(await runOperation(createContractOperation, owner, { customerId, title: 'Büyük', file: big })).toMatchObject({ ok: false, fields: { file: 'fileTooLarge' } });
    expect(await getDb().select({ id: contracts.id }).from(contracts).where(eq(contracts.businessId, owner.businessId))).toHaveLength(before.length);
    expect(await runOperation(createContractOperation, owner, { title: 'Hiçbir yere' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await runOperation(createContractOperation, owner, { customerId, title: 'Ters', startDate: '2030-02-01', endDate: '2030-01-01' })).toMatchObject({ ok: false, fields: { endDate: 'endBeforeStart' } });
  });

  it('lets sales change only the contracts of their own deals', async () => {
    const mine = await insertTestDeal(getDb(), owner.businessId, { customerId, ownerId: sales.personnelId });
    const theirs = await insertTestDeal(getDb(), owner.businessId, { customerId });
    const a = await runOperation(createContractOperation, sales, { dealId: mine.id, title: 'Benim', endDate: '2030-06-30' });
    const b = await runOperation(createContractOperation, sales, { dealId: theirs.id, title: 'Onun' });
    expect(a.ok && b.ok).toBe(true);
    const bId = (b as { data: { id: string } }).data.id;
    expect(await runOperation(updateContractOperation, sales, { id: bId, version: 1, title: 'Değişti' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runOperation(deleteContractOperation, sales, { id: bId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await runOperation(deleteContractOperation, sales, { id: (a as { data: { id: string } }).data.id })).ok).toBe(true);
    const list = await findContracts(getDb(), sales, { customerId });
    expect(list.find((c) => c.id === bId)).toMatchObject({ canUpdate: false, canDelete: false, dealTitle: theirs.title });
  });
});
