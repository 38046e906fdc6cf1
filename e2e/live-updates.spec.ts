import { expect, test, type Page } from '@playwright/test';
import { addPerson, field, fillSignUp, heading, newAccount, ownerWithBusiness, t, toast, visit } from './support/app';
import { linkIn, waitForMail } from './support/mail';

/*
 * Live updates between two people signed in to one business in two browser contexts: the owner
 * and an admin who joined by e-mail invitation. What one changes shows in the other within a
 * second, with no reload; a page whose record was deleted says so and offers the way back. The
 * journey prints how long a change took to reach the other context.
 */

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

/** Within this, measured from the acting page's toast, the other context must show the change. */
const LIVE_TIMEOUT = 1_000;

/** Waits until the page's live stream is open (as leader or through the leader tab). */
async function live(page: Page): Promise<void> {
  await expect(page.locator('[data-live="connected"]')).toBeAttached();
}

type LiveLog = {
  events: { kind: string; id: string; ts: number; receivedAt: number }[];
  renders: { renderedAt: number; at: number }[];
};

/**
 * From the page's own record (window.__tezgahLive): when the server published the change (just
 * before its commit), when this tab heard of it, and when its refetched page was rendered.
 */
async function timings(page: Page, kind: string, id: string) {
  const log = await page.evaluate(() => (window as unknown as { __tezgahLive?: LiveLog }).__tezgahLive);
  const event = log?.events.filter((e) => e.kind === kind && e.id === id).at(-1);
  if (!event) return null;
  const render = log!.renders.find((r) => r.at >= event.receivedAt);
  return {
    heard: event.receivedAt - event.ts,
    rendered: render ? render.at - event.ts : null,
  };
}

function report(what: string, fromToast: number, measured: Awaited<ReturnType<typeof timings>>): void {
  const parts = [`toast → other context shows it: ${fromToast} ms`];
  if (measured) {
    parts.push(`commit → other tab hears it: ${measured.heard} ms`);
    if (measured.rendered !== null) parts.push(`commit → other tab re-rendered: ${measured.rendered} ms`);
  }
  console.log(`[live] ${what}: ${parts.join('; ')}`);
}

test('a change in one browser context shows in another within a second', async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  const businessName = 'Canlı Kırtasiye';
  const { slug } = await ownerWithBusiness(ownerPage, businessName, 'live-owner');
  const admin = newAccount('live-admin', 'Zeynep Kaya');
  const person = { name: 'Silinecek Kişi', title: 'Stajyer' };
  let personId = '';

  await test.step('the owner adds a person and invites an admin by e-mail', async () => {
    personId = await addPerson(ownerPage, slug, person);
    await addPerson(ownerPage, slug, { name: admin.name, email: admin.email, role: tr('roles.admin'), invite: true });
  });

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();

  await test.step('the admin joins through the invitation in another browser context', async () => {
    const mail = await waitForMail(admin.email);
    await visit(adminPage, linkIn(mail, '/invite/'));
    await adminPage.getByRole('link', { name: tr('auth.signUp') }).click();
    await expect(field(adminPage, tr('auth.email'))).toHaveValue(admin.email);
    await fillSignUp(adminPage, admin);
    await adminPage.getByRole('button', { name: tr('invite.accept', { business: businessName }) }).click();
    await expect(toast(adminPage, tr('personnel.invitationAccepted'))).toBeVisible();
    await expect(adminPage).toHaveURL(new RegExp(`/${slug}$`));
  });

  await test.step('the owner renames the business; the admin’s page shows the new name', async () => {
    await visit(ownerPage, `/${slug}/settings`);
    await live(ownerPage);
    await live(adminPage);
    const newName = 'Canlı Kırtasiye ve Kitabevi';
    const adminSwitcher = adminPage.getByRole('button', { name: tr('shell.switchBusiness') });
    await expect(adminSwitcher).toContainText(businessName);

    await field(ownerPage, tr('businesses.name')).fill(newName);
    await ownerPage.getByRole('button', { name: tr('common.save') }).click();
    await expect(toast(ownerPage, tr('businesses.updated'))).toBeVisible();
    const toastAt = Date.now();
    await expect(adminSwitcher).toContainText(newName, { timeout: LIVE_TIMEOUT });
    await expect(adminPage.getByText(tr('dashboard.lead', { business: newName }))).toBeVisible({ timeout: LIVE_TIMEOUT });
    const fromToast = Date.now() - toastAt;
    const businessId = (await timingsKindIds(adminPage, 'business.updated')).at(-1);
    report('business renamed', fromToast, businessId ? await timings(adminPage, 'business.updated', businessId) : null);
    // Nothing was reloaded: the page is the one that was open.
    await expect(adminPage).toHaveURL(new RegExp(`/${slug}$`));
  });

  // A second tab of the admin: it shares the first tab's stream through the browser's
  // BroadcastChannel, as every tab of one browser does.
  const adminDetail = await adminContext.newPage();

  await test.step('the owner deletes the person; the admin’s list drops them and their open page says so', async () => {
    await visit(adminPage, `/${slug}/personnel`);
    await adminDetail.goto(`/${slug}/personnel/${personId}`);
    await expect(heading(adminDetail, person.name)).toBeVisible();
    await expect(adminPage.getByRole('link', { name: person.name })).toBeVisible();
    await live(adminPage);
    await live(adminDetail);

    await visit(ownerPage, `/${slug}/personnel/${personId}`);
    await live(ownerPage);
    await ownerPage.getByRole('button', { name: tr('common.delete') }).click();
    const dialog = ownerPage.getByRole('dialog', { name: tr('common.confirmDeleteTitle') });
    await dialog.getByRole('button', { name: tr('common.delete') }).click();
    await expect(toast(ownerPage, tr('personnel.deleted'))).toBeVisible();
    const toastAt = Date.now();

    await expect(adminPage.getByRole('link', { name: person.name })).toHaveCount(0, { timeout: LIVE_TIMEOUT });
    const listAfter = Date.now() - toastAt;
    await expect(adminDetail.getByText(tr('personnel.deletedRecord'))).toBeVisible({ timeout: LIVE_TIMEOUT });
    const detailAfter = Date.now() - toastAt;
    report('person deleted, list', listAfter, await timings(adminPage, 'personnel.deleted', personId));
    report('person deleted, open record', detailAfter, await timings(adminDetail, 'personnel.deleted', personId));
    // Not the not-found page: the page explains, and keeps the way back.
    await expect(heading(adminDetail, tr('errors.notFoundTitle'))).toHaveCount(0);
    await adminDetail.getByRole('link', { name: tr('live.backToList') }).click();
    await expect(adminDetail).toHaveURL(new RegExp(`/${slug}/personnel$`));
    await expect(heading(adminDetail, tr('personnel.title'))).toBeVisible();
    await expect(adminDetail.getByRole('link', { name: person.name })).toHaveCount(0);
    await expect(adminDetail.getByRole('link', { name: admin.name })).toBeVisible();
  });

  await test.step('after a dropped connection the admin’s page catches up', async () => {
    await adminDetail.close();
    await live(adminPage);
    // The network goes, and with it the open stream (Chromium ends an EventSource on window.stop();
    // its offline mode alone leaves open connections be).
    await adminContext.setOffline(true);
    await adminPage.evaluate(() => window.stop());
    await expect(adminPage.locator('[data-live="connected"]')).toHaveCount(0);
    const missed = 'Kopukken Eklenen';
    await addPerson(ownerPage, slug, { name: missed });
    await adminContext.setOffline(false);
    // Back online, the stream reopens and the page refetches once: the person added meanwhile shows.
    await expect(adminPage.getByRole('link', { name: missed })).toBeVisible({ timeout: 10_000 });
    await live(adminPage);
  });

  await test.step('the owner deletes the business; the admin’s page says so and offers the dashboard', async () => {
    await visit(ownerPage, `/${slug}/settings`);
    const newName = 'Canlı Kırtasiye ve Kitabevi';
    await ownerPage.getByLabel(tr('businesses.deleteConfirmLabel', { name: newName })).fill(newName);
    await ownerPage.getByRole('button', { name: tr('businesses.deleteButton') }).click();
    await expect(toast(ownerPage, tr('businesses.deleted'))).toBeVisible();
    await expect(adminPage.getByText(tr('live.businessDeleted'))).toBeVisible({ timeout: LIVE_TIMEOUT });
    await adminPage.getByRole('link', { name: tr('errors.goToDashboard') }).click();
    await expect(adminPage).toHaveURL(/\/dashboard$/);
  });

  await adminContext.close();
  await ownerContext.close();
});

/** Ids of the events of a kind that the page heard, oldest first. */
async function timingsKindIds(page: Page, kind: string): Promise<string[]> {
  return page.evaluate(
    (k) => ((window as unknown as { __tezgahLive?: LiveLog }).__tezgahLive?.events ?? []).filter((e) => e.kind === k).map((e) => e.id),
    kind,
  );
}
