import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { findPersonnel, getPersonnel } from './queries';
import { acceptInvitation, previewInvitation } from './mutations';
import {
  createPersonnelOperation,
  deletePersonnelOperation,
  invitePersonnelOperation,
  updatePersonnelOperation,
} from './operations';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';

afterAll(closeDb);

async function setup() {
  const db = getDb();
  const owner = await createUser(db, { name: 'Ayşe Yılmaz' });
  const business = await createTestBusiness(db, owner, { name: 'Çiçek Dükkânı' });
  const ownerCtx = await contextFor(db, owner.id, business.slug);
  return { db, owner, business, ownerCtx };
}

describe('personnel', () => {
  it('creates, reads, updates and deletes, answering a message each time', async () => {
    const { db, ownerCtx } = await setup();
    const created = await runOperation(createPersonnelOperation, ownerCtx, {
      name: 'Mehmet Öztürk',
      email: 'Mehmet@Example.test',
      phone: '0532 123 45 67',
      title: 'Usta',
      role: 'member',
    });
    expect(created).toMatchObject({ ok: true, message: 'personnel.created', values: { name: 'Mehmet Öztürk' } });
    if (!created.ok) return;
    const person = await getPersonnel(db, ownerCtx, created.data.id);
    expect(person).toMatchObject({ name: 'Mehmet Öztürk', email: 'mehmet@example.test', phone: '+905321234567', hasLogin: false });

    const updated = await runOperation(updatePersonnelOperation, ownerCtx, {
      id: person.id,
      version: person.version,
      name: 'Mehmet Öztürk',
      role: 'sales',
      active: true,
    });
    expect(updated).toMatchObject({ ok: true, message: 'personnel.updated', data: { version: 2 } });
    expect((await getPersonnel(db, ownerCtx, person.id)).role).toBe('sales');

    const stale = await runOperation(updatePersonnelOperation, ownerCtx, {
      id: person.id,
      version: person.version,
      name: 'Eski Sürüm',
      role: 'sales',
      active: true,
    });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', message: 'errors.STALE' });
    expect((await getPersonnel(db, ownerCtx, person.id)).name).toBe('Mehmet Öztürk');

    const deleted = await runOperation(deletePersonnelOperation, ownerCtx, { id: person.id });
    expect(deleted).toMatchObject({ ok: true, message: 'personnel.deleted' });
    await expect(getPersonnel(db, ownerCtx, person.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers field errors for bad input and writes nothing', async () => {
    const { db, ownerCtx } = await setup();
    const before = (await findPersonnel(db, ownerCtx)).data.length;
    const result = await runOperation(createPersonnelOperation, ownerCtx, {
      name: '  ',
      email: 'not-an-email',
      phone: '12',
      role: 'emperor',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fields: { name: 'required', email: 'email', phone: 'phone', role: 'invalid' },
    });
    expect((await findPersonnel(db, ownerCtx)).data.length).toBe(before);
  });

  it('refuses a second person with the same e-mail in one business, naming the field', async () => {
    const { ownerCtx } = await setup();
    await runOperation(createPersonnelOperation, ownerCtx, { name: 'Bir', email: 'ayni@example.test', role: 'member' });
    const dup = await runOperation(createPersonnelOperation, ownerCtx, { name: 'İki', email: 'AYNI@example.test', role: 'member' });
    expect(dup).toMatchObject({ ok: false, code: 'CONFLICT', fields: { email: 'emailTaken' } });
  });

  it('keeps the last owner: no demotion, deactivation or deletion', async () => {
    const { db, ownerCtx } = await setup();
    const self = await getPersonnel(db, ownerCtx, ownerCtx.personnelId);
    const demote = await runOperation(updatePersonnelOperation, ownerCtx, {
      id: self.id, version: self.version, name: self.name, email: self.email, role: 'admin', active: true,
    });
    expect(demote).toMatchObject({ ok: false, code: 'CONFLICT', message: 'personnel.errors.lastOwner' });
    const leave = await runOperation(deletePersonnelOperation, ownerCtx, { id: self.id });
    expect(leave).toMatchObject({ ok: false, code: 'CONFLICT', message: 'personnel.errors.lastOwner' });
    expect((await getPersonnel(db, ownerCtx, self.id)).role).toBe('owner');
  });

  it('lets an owner step down when another owner remains', async () => {
    const { db, business, ownerCtx } = await setup();
    await addPersonnel(db, business.id, { role: 'owner' });
    const self = await getPersonnel(db, ownerCtx, ownerCtx.personnelId);
    const demote = await runOperation(updatePersonnelOperation, ownerCtx, {
      id: self.id, version: self.version, name: self.name, email: self.email, role: 'admin', active: true,
    });
    expect(demote.ok).toBe(true);
  });

  it('stops admins from touching owners or making owners, and everyone from raising their own role', async () => {
    const { db, business, ownerCtx } = await setup();
    const admin = await addPersonnel(db, business.id, { role: 'admin' });
    const adminCtx = await contextFor(db, admin.user!.id, business.slug);
    const owner = await getPersonnel(db, ownerCtx, ownerCtx.personnelId);
    const editOwner = await runOperation(updatePersonnelOperation, adminCtx, {
      id: owner.id, version: owner.version, name: 'Ele Geçirildi', role: 'owner', active: true,
    });
    expect(editOwner).toMatchObject({ ok: false, code: 'FORBIDDEN', message: 'personnel.errors.ownerOnly' });
    const deleteOwner = await runOperation(deletePersonnelOperation, adminCtx, { id: owner.id });
    expect(deleteOwner).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const makeOwner = await runOperation(createPersonnelOperation, adminCtx, { name: 'Yeni Sahip', role: 'owner' });
    expect(makeOwner).toMatchObject({ ok: false, code: 'FORBIDDEN', fields: { role: 'roleNotAllowed' } });
    const selfRecord = await getPersonnel(db, adminCtx, admin.personnelId);
    const raise = await runOperation(updatePersonnelOperation, adminCtx, {
      id: selfRecord.id, version: selfRecord.version, name: selfRecord.name, email: selfRecord.email, role: 'owner', active: true,
    });
    expect(raise).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await getPersonnel(db, ownerCtx, admin.personnelId)).role).toBe('admin');
  });

  it('lets a manager invite only member, sales, support and marketing', async () => {
    const { db, business } = await setup();
    const manager = await addPersonnel(db, business.id, { role: 'manager' });
    const ctx = await contextFor(db, manager.user!.id, business.slug);
    expect((await runOperation(createPersonnelOperation, ctx, { name: 'Satışçı', role: 'sales' })).ok).toBe(true);
    expect(await runOperation(createPersonnelOperation, ctx, { name: 'Yönetici', role: 'admin' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('never shows or changes another business’s personnel', async () => {
    const a = await setup();
    const b = await setup();
    const secret = await addPersonnel(a.db, a.business.id, { role: 'member', login: false, name: 'GİZLİ-İŞARET-A' });
    await expect(getPersonnel(b.db, b.ownerCtx, secret.personnelId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const list = await findPersonnel(b.db, b.ownerCtx, { search: 'GİZLİ' });
    expect(list.data).toEqual([]);
    const upd = await runOperation(updatePersonnelOperation, b.ownerCtx, {
      id: secret.personnelId, version: 1, name: 'Ele Geçirildi', role: 'member', active: true,
    });
    expect(upd).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const del = await runOperation(deletePersonnelOperation, b.ownerCtx, { id: secret.personnelId });
    expect(del).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const inv = await runOperation(invitePersonnelOperation, b.ownerCtx, { id: secret.personnelId });
    expect(inv).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await getPersonnel(a.db, a.ownerCtx, secret.personnelId)).name).toBe('GİZLİ-İŞARET-A');
  });

  it('links a login to a personnel record through an invitation, once', async () => {
    const { db, business, ownerCtx } = await setup();
    const created = await runOperation(createPersonnelOperation, ownerCtx, {
      name: 'Davetli Kişi', email: 'davetli@example.test', role: 'support', invite: true,
    });
    expect(created).toMatchObject({ ok: true, message: 'personnel.createdAndInvited' });
    if (!created.ok) return;
    // The token only exists in the e-mail; replace the stored hash with one we know.
    const token = 'bilinen-davet-anahtari-0123456789abcdef';
    await db.execute(sql`update invitations set token_hash = ${createHash('sha256').update(token).digest('hex')}
      where business_id = ${business.id} and personnel_id = ${created.data.id}`);
    expect(await previewInvitation(db, token)).toMatchObject({ personName: 'Davetli Kişi', email: 'davetli@example.test' });
    const invitee = await createUser(db, { email: 'davetli@example.test' });
    const slug = await acceptInvitation(db, invitee.id, token);
    expect(slug).toBe(business.slug);
    const ctx = await contextFor(db, invitee.id, slug);
    expect(ctx.role).toBe('support');
    await expect(acceptInvitation(db, invitee.id, token)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await previewInvitation(db, token)).toBeNull();
  });
});
