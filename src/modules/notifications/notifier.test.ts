/**
 * The reminder notifier and its e-mails against the real database, real pg-boss and a real SMTP
 * server: one notification per reminder and due date however often (and however concurrently)
 * passes run, one e-mail per notification, and each user's preferences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type ReceivedMail } from '../../../tests/smtp';
import { and, eq, inArray, isNull, like } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { notifications, reminders } from '@/server/db/schema';
import { getBoss, getWorkingBoss, stopBoss } from '@/server/jobs/boss';
import { NOTIFICATION_EMAIL_QUEUE, notificationEmailJobId } from '@/server/jobs/notification-jobs';
import { workNotificationQueues } from './jobs';
import { deleteReminderOperation, markReminderDoneOperation } from '@/modules/reminders/operations';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { insertTestReminder } from '../../../tests/factories/reminders';
import { deliverNotificationEmail, notifyDueReminders, reminderDedupeKey } from './notifier';
import { saveNotificationPreferences, markNotificationsRead } from './mutations';
import { countUnreadNotifications, findNotifications } from './queries';

let received: ReceivedMail[] = [];
let stopSmtp: () => Promise<void>;

beforeAll(async () => {
  ({ received, stop: stopSmtp } = await startTestSmtp());
});

afterAll(async () => {
  await stopBoss();
  await closeDb();
  await stopSmtp();
});

const mailsTo = (address: string) => received.filter((m) => m.to.includes(address));

async function waitFor<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The decoded subject and text body of a raw message (quoted-printable or base64, UTF-8). */
function decodeMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectRaw = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  const subject = subjectRaw
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
    );
  const body = rest.join('\n\n');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(unfolded)?.[1]?.trim().toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQp(body) : body;
  return { subject, text };
}

function decodeQp(text: string): string {
  const bytes: number[] = [];
  const input = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=' && /^[0-9A-F]{2}$/i.test(input.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(input.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(input[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

async function world() {
  const db = getDb();
  const owner = await createUser(db, { name: 'Ayşe Yılmaz' });
  const business = await createTestBusiness(db, owner, { name: `Çiçekçi Gül ${Math.random().toString(36).slice(2, 6)}` });
  const ownerCtx = await contextFor(db, owner.id, business.slug);
  const member = await addPersonnel(db, business.id, { role: 'sales', name: 'Şükrü Öztürk', email: `sukru-${Math.random().toString(36).slice(2, 8)}@example.test` });
  const memberCtx = await contextFor(db, member.user!.id, business.slug);
  return { db, owner, business, ownerCtx, member, memberCtx };
}

const past = (minutes = 1) => new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutes * 60_000);

async function notificationsOf(businessId: string, reminderId: string) {
  return getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.businessId, businessId), like(notifications.dedupeKey, `reminder:${reminderId}:%`)));
}

async function reminderRow(businessId: string, id: string) {
  const [row] = await getDb().select().from(reminders).where(and(eq(reminders.businessId, businessId), eq(reminders.id, id)));
  return row!;
}

describe('reminder notifier', () => {
  it('notifies the assignee once, however often the notifier runs', async () => {
    const { db, business, member, memberCtx } = await world();
    const customer = await insertTestCustomer(db, business.id, { name: 'İnci Çelik' });
    const due = past(2);
    const r = await insertTestReminder(db, business.id, { title: 'Teklifi ara', dueAt: due, assigneeId: member.personnelId, customerId: customer.id });
    const future = await insertTestReminder(db, business.id, { title: 'Sonra', assigneeId: member.personnelId });

    await notifyDueReminders(db);
    await notifyDueReminders(db);
    const rows = await notificationsOf(business.id, r.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: member.user!.id,
      kind: 'reminder.due',
      title: 'Teklifi ara',
      body: 'İnci Çelik',
      link: `/${business.slug}/reminders/${r.id}`,
      dedupeKey: reminderDedupeKey(r.id, due),
      readAt: null,
    });
    expect((await reminderRow(business.id, r.id)).notifiedAt).toBeInstanceOf(Date);
    expect(await notificationsOf(business.id, future.id)).toHaveLength(0);
    expect(await countUnreadNotifications(db, memberCtx)).toBe(1);
    expect((await findNotifications(db, memberCtx)).data.map((n) => n.title)).toEqual(['Teklifi ara']);

    // Its e-mail was queued with it, under an id derived from the notification.
    const [job] = await (await getBoss()).findJobs(NOTIFICATION_EMAIL_QUEUE, { id: notificationEmailJobId(rows[0]!.id) });
    expect(job?.data).toEqual({ businessId: business.id, notificationId: rows[0]!.id });
  });

  it('creates exactly one notification per reminder when two passes race', async () => {
    const { db, business, member } = await world();
    const ids = await Promise.all(
      Array.from({ length: 30 }, (_, i) => insertTestReminder(db, business.id, { title: `Yarış ${i}`, dueAt: past(1 + i), assigneeId: member.personnelId })),
    ).then((rs) => rs.map((r) => r.id));
    // Small batches make the two passes interleave over many transactions.
    const results = await Promise.all([notifyDueReminders(db, { batchSize: 3 }), notifyDueReminders(db, { batchSize: 3 })]);
    expect(results.every((r) => r.notifications >= 0)).toBe(true);
    // A pass of another process (another test file) may hold some rows (SKIP LOCKED): wait for it.
    await waitFor(async () => {
      const open = await db
        .select({ id: reminders.id })
        .from(reminders)
        .where(and(eq(reminders.businessId, business.id), inArray(reminders.id, ids), isNull(reminders.notifiedAt)));
      return open.length === 0;
    });
    const rows = await db
      .select({ dedupeKey: notifications.dedupeKey })
      .from(notifications)
      .where(and(eq(notifications.businessId, business.id), eq(notifications.userId, member.user!.id)));
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(30);
    const notified = await db.select({ notifiedAt: reminders.notifiedAt }).from(reminders).where(and(eq(reminders.businessId, business.id), inArray(reminders.id, ids)));
    expect(notified.every((r) => r.notifiedAt instanceof Date)).toBe(true);
  });

  it('tells nobody about a reminder without an assignee or whose assignee has no login', async () => {
    const { db, business } = await world();
    const noLogin = await addPersonnel(db, business.id, { role: 'member', login: false, name: 'Saha Ekibi' });
    const a = await insertTestReminder(db, business.id, { dueAt: past(), assigneeId: noLogin.personnelId });
    const b = await insertTestReminder(db, business.id, { dueAt: past() });
    await notifyDueReminders(db);
    expect(await notificationsOf(business.id, a.id)).toHaveLength(0);
    expect(await notificationsOf(business.id, b.id)).toHaveLength(0);
    // Looked at: they are not scanned again.
    expect((await reminderRow(business.id, a.id)).notifiedAt).toBeInstanceOf(Date);
  });

  it('notifies again for the next date of a repeating reminder that was done', async () => {
    const { db, business, member, memberCtx } = await world();
    const r = await insertTestReminder(db, business.id, { dueAt: past(24 * 60 + 5), assigneeId: member.personnelId, repeat: 'daily' });
    await notifyDueReminders(db);
    expect(await notificationsOf(business.id, r.id)).toHaveLength(1);
    expect(await runOperation(markReminderDoneOperation, memberCtx, { id: r.id })).toMatchObject({ ok: true });
    const moved = await reminderRow(business.id, r.id);
    expect(moved.notifiedAt).toBeNull();
    expect(moved.dueAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing new. Once due (moved back here), a second notice with its own key.
    await notifyDueReminders(db);
    expect(await notificationsOf(business.id, r.id)).toHaveLength(1);
    await db.update(reminders).set({ dueAt: past() }).where(and(eq(reminders.businessId, business.id), eq(reminders.id, r.id)));
    await notifyDueReminders(db);
    expect(await notificationsOf(business.id, r.id)).toHaveLength(2);
  });

  it('respects each user’s preferences', async () => {
    const { db, business } = await world();
    const quiet = await addPersonnel(db, business.id, { role: 'member', name: 'Sessiz Sibel' });
    const mailOnly = await addPersonnel(db, business.id, { role: 'member', name: 'Postacı Pelin' });
    const appOnly = await addPersonnel(db, business.id, { role: 'member', name: 'Uygulamacı Ümit' });
    await saveNotificationPreferences(db, quiet.user!.id, { inApp: false, email: false });
    await saveNotificationPreferences(db, mailOnly.user!.id, { inApp: false, email: true, locale: 'en' });
    await saveNotificationPreferences(db, appOnly.user!.id, { inApp: true, email: false });
    const q = await insertTestReminder(db, business.id, { dueAt: past(), assigneeId: quiet.personnelId });
    const m = await insertTestReminder(db, business.id, { dueAt: past(), assigneeId: mailOnly.personnelId });
    const a = await insertTestReminder(db, business.id, { dueAt: past(), assigneeId: appOnly.personnelId });
    await notifyDueReminders(db);
    const boss = await getBoss();

    expect(await notificationsOf(business.id, q.id)).toHaveLength(0);

    const [mailNotice] = await notificationsOf(business.id, m.id);
    expect(mailNotice?.readAt).toBeInstanceOf(Date); // no bell
    expect(await boss.findJobs(NOTIFICATION_EMAIL_QUEUE, { id: notificationEmailJobId(mailNotice!.id) })).toHaveLength(1);

    const [appNotice] = await notificationsOf(business.id, a.id);
    expect(appNotice?.readAt).toBeNull();
    expect(await boss.findJobs(NOTIFICATION_EMAIL_QUEUE, { id: notificationEmailJobId(appNotice!.id) })).toHaveLength(0);

    // Turned off after the notice was made: the job finds it out and sends nothing.
    await saveNotificationPreferences(db, mailOnly.user!.id, { inApp: false, email: false });
    expect(await deliverNotificationEmail(db, { businessId: business.id, notificationId: mailNotice!.id })).toBe('skipped');
    expect(mailsTo(mailOnly.user!.email)).toHaveLength(0);
  });

  it('e-mails a notification once, with its Turkish letters intact, even when delivered twice at once', async () => {
    const { db, business, member } = await world();
    const customer = await insertTestCustomer(db, business.id, { name: 'Işıl Güneş' });
    const r = await insertTestReminder(db, business.id, { title: 'Şükrü’yü ara: ğüşıöç İĞÜŞÖÇ', dueAt: past(), assigneeId: member.personnelId, customerId: customer.id });
    await notifyDueReminders(db);
    const [notice] = await notificationsOf(business.id, r.id);
    const job = { businessId: business.id, notificationId: notice!.id };
    const results = await Promise.all([deliverNotificationEmail(db, job), deliverNotificationEmail(db, job), deliverNotificationEmail(db, job)]);
    expect(results.sort()).toEqual(['already-sent', 'already-sent', 'sent']);
    expect(await deliverNotificationEmail(db, job)).toBe('already-sent');
    // The test server records a message before it accepts it: every delivery has returned, so a
    // second mail would already be here.
    const mails = mailsTo(member.user!.email);
    expect(mails).toHaveLength(1);
    const { subject, text } = decodeMail(mails[0]!.raw);
    expect(subject).toBe('Hatırlatma: Şükrü’yü ara: ğüşıöç İĞÜŞÖÇ');
    expect(text).toContain('Müşteri: Işıl Güneş');
    expect(text).toContain(`/${business.slug}/reminders/${r.id}`);
    expect(text).toContain('size atanmış');
    expect(mails[0]!.raw).toMatch(new RegExp(`Message-ID:\\s+<notification-${notice!.id}@tezgah\\.invalid>`));
  });

  it('runs through pg-boss: a due reminder is noticed and mailed by the worker, jobs queued before it started included', async () => {
    const { db, business, member, memberCtx } = await world();
    await saveNotificationPreferences(db, member.user!.id, { inApp: true, email: true, locale: 'en' });
    // Noticed while no worker runs: the e-mail job waits in the database for one to start.
    const early = await insertTestReminder(db, business.id, { title: 'Queued before start', dueAt: past(), assigneeId: member.personnelId });
    await notifyDueReminders(db);
    expect(await notificationsOf(business.id, early.id)).toHaveLength(1);
    await stopBoss();

    process.env.REMINDER_SCAN_SECONDS = '1';
    try {
      const boss = await getWorkingBoss();
      await workNotificationQueues(boss);
      const late = await insertTestReminder(db, business.id, { title: 'Due in two seconds: çay', dueAt: new Date(Date.now() + 2_000), assigneeId: member.personnelId });
      await waitFor(() => mailsTo(member.user!.email).length >= 2 && true, 20_000);
      const subjects = mailsTo(member.user!.email).map((m) => decodeMail(m.raw).subject).sort();
      expect(subjects).toEqual(['Reminder: Due in two seconds: çay', 'Reminder: Queued before start']);
      expect(await notificationsOf(business.id, late.id)).toHaveLength(1);
      await waitFor(async () => (await notificationsOf(business.id, late.id))[0]?.emailedAt instanceof Date);
      expect(await countUnreadNotifications(db, memberCtx)).toBe(2);
      expect(await markNotificationsRead(db, memberCtx, { all: true })).toEqual({ count: 2 });
      expect(await countUnreadNotifications(db, memberCtx)).toBe(0);
    } finally {
      delete process.env.REMINDER_SCAN_SECONDS;
      await stopBoss();
    }
  }, 40_000);

  it('removes a reminder’s notifications with the reminder, and no other', async () => {
    const { db, business, ownerCtx, member } = await world();
    const gone = await insertTestReminder(db, business.id, { title: 'Silinecek', dueAt: past(2), assigneeId: member.personnelId });
    const kept = await insertTestReminder(db, business.id, { title: 'Kalacak', dueAt: past(2), assigneeId: member.personnelId });
    await notifyDueReminders(db);
    expect(await notificationsOf(business.id, gone.id)).toHaveLength(1);
    expect((await runOperation(deleteReminderOperation, ownerCtx, { id: gone.id })).ok).toBe(true);
    expect(await notificationsOf(business.id, gone.id)).toHaveLength(0);
    expect(await notificationsOf(business.id, kept.id)).toHaveLength(1);
  });

  it('marks only the caller’s own notifications read', async () => {
    const { db, business, member, memberCtx, ownerCtx } = await world();
    const r = await insertTestReminder(db, business.id, { dueAt: past(), assigneeId: member.personnelId });
    await notifyDueReminders(db);
    const [notice] = await notificationsOf(business.id, r.id);
    expect(await markNotificationsRead(db, ownerCtx, { ids: [notice!.id] })).toEqual({ count: 0 });
    expect(await markNotificationsRead(db, ownerCtx, { all: true })).toEqual({ count: 0 });
    expect(await countUnreadNotifications(db, memberCtx)).toBe(1);
    expect(await markNotificationsRead(db, memberCtx, { ids: [notice!.id] })).toEqual({ count: 1 });
    expect(await countUnreadNotifications(db, memberCtx)).toBe(0);
  });
});
