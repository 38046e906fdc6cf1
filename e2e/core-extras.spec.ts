import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { APP_URL } from './support/env';
import { chooseOption, field, formatted, heading, ownerWithBusiness, t, toast, visit, type Locale } from './support/app';
import { insertCustomer } from './support/db';
import { waitForMail } from './support/mail';

/*
 * Issue 12, parts 2–4: task reminders (per task and a default per user, in the bell and by
 * e-mail) and tasks that take their project's customer; notes in the customer's timeline with a
 * type filter; the business's own page, its edit page (live in another tab) and its deletion.
 */

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

const lead = (minutes: number) => formatted('tr', 'tasks.reminders.minutes', { minutes });

const SHOT_DIR = fileURLToPath(new URL('../docs/screenshots/core-extras/', import.meta.url));

/** The page at desktop and phone width, in the language it is shown in, for the review. */
async function shot(page: Page, name: string, locale: Locale): Promise<void> {
  fs.mkdirSync(SHOT_DIR, { recursive: true });
  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    // Fonts loaded and two frames painted at the new width: the picture shows the laid-out page.
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    await page.screenshot({ path: `${SHOT_DIR}${name}-${locale}-${size.width}.png`, fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function useLocale(page: Page, locale: Locale): Promise<void> {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: APP_URL }]);
}

/** A call through the API with the page's own session. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api/v1${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: (await res.json().catch(() => null)) as T };
    },
    { method, path, body },
  );
}

test('tasks remind at their lead by the bell and e-mail, and a task in a project takes its customer', async ({ page }) => {
  test.setTimeout(180_000);
  const { owner, slug } = await ownerWithBusiness(page, 'Hatırlatan Ajans', 'task-reminders');
  const customerId = await insertCustomer(slug, { name: 'Proje Müşterisi' });
  const me = (await api<{ data: { id: string; hasLogin: boolean }[] }>(page, 'GET', '/personnel')).json.data.find((p) => p.hasLogin)!;
  const project = await api<{ id: string }>(page, 'POST', '/projects', { name: 'Web Sitesi', customerId });
  expect(project.status).toBe(201);

  await test.step('the account page sets the default reminder of new tasks', async () => {
    await page.goto('/account');
    await chooseOption(page, tr('businesses.taskReminder.label'), lead(1440));
    await page.getByTestId('task-reminder-default-save').click();
    await expect(toast(page, tr('businesses.taskReminder.saved'))).toBeVisible();
  });

  await test.step('a new task in the project has the project’s customer and the default reminder; the form changes it', async () => {
    await page.goto(`/${slug}/tasks/new?projectId=${project.json.id}`);
    await expect(page.getByRole('combobox', { name: tr('tasks.fields.customer'), exact: true })).toHaveValue('Proje Müşterisi');
    await expect(page.getByRole('combobox', { name: tr('tasks.fields.reminder'), exact: true })).toHaveValue(lead(1440));
    await field(page, tr('tasks.fields.title')).fill('Tasarımı onaylat');
    await chooseOption(page, tr('tasks.fields.reminder'), lead(15));
    await shot(page, 'task-form', 'tr');
    await page.getByTestId('task-submit').click();
    await expect(toast(page, tr('tasks.created', { title: 'Tasarımı onaylat' }))).toBeVisible();
    await expect(heading(page, 'Tasarımı onaylat')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Proje Müşterisi' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: tr('tasks.fields.reminder'), exact: true })).toHaveValue(lead(15));
  });

  await test.step('a task due in a few seconds, reminded at its due time, lights the bell and sends an e-mail', async () => {
    await page.goto(`/${slug}/tasks`);
    await expect(page.getByTestId('bell-count')).toHaveAttribute('data-count', '0');
    const since = new Date();
    const title = 'Müşteriyi ara';
    const created = await api<{ customer: { id: string } | null; reminderMinutes: number }>(page, 'POST', '/tasks', {
      title,
      projectId: project.json.id,
      dueAt: new Date(Date.now() + 5_000).toISOString(),
      reminderMinutes: 0,
      assigneeIds: [me.id],
    });
    expect(created).toMatchObject({ status: 201, json: { customer: { id: customerId }, reminderMinutes: 0 } });
    await expect(page.getByTestId('bell-count')).toHaveAttribute('data-count', '1', { timeout: 60_000 });
    await page.getByTestId('notification-bell').click();
    await expect(page.getByTestId('notification-items').getByText(title)).toBeVisible();
    const mail = await waitForMail(owner.email, { since, subject: /Görev: Müşteriyi ara/, timeout: 30_000 });
    expect(mail.text).toContain(title);
  });

  await test.step('the task form in English', async () => {
    await useLocale(page, 'en');
    await page.goto(`/${slug}/tasks/new?projectId=${project.json.id}`);
    await expect(page.getByRole('combobox', { name: t('en', 'tasks.fields.reminder'), exact: true })).toBeVisible();
    await shot(page, 'task-form', 'en');
    await useLocale(page, 'tr');
  });
});

test('the customer’s timeline holds notes with calls and e-mails and filters by type', async ({ page }) => {
  const { slug } = await ownerWithBusiness(page, 'Notlu Dükkân', 'timeline-notes');
  const customerId = await insertCustomer(slug, { name: 'Şükrü Öztürk' });
  const log = (type: string, subject: string, hoursAgo: number) =>
    api(page, 'POST', '/interactions', { type, direction: 'outbound', subject, occurredAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(), customerIds: [customerId] });
  expect((await log('call', 'Fiyat görüşmesi', 3)).status).toBe(201);
  expect((await log('email', 'Teklif gönderildi', 2)).status).toBe(201);

  await test.step('a note written in the notes box shows in the timeline too', async () => {
    await page.goto(`/${slug}/customers/${customerId}`);
    await page.getByTestId('note-body').fill('Cuma günü tekrar aranacak.');
    await page.getByRole('button', { name: tr('customers.notes.add') }).click();
    await expect(toast(page, tr('customers.notes.created'))).toBeVisible();
    const timeline = page.getByTestId('customer-timeline');
    await expect(timeline.getByText('Cuma günü tekrar aranacak.')).toBeVisible();
    await expect(timeline.getByText('Fiyat görüşmesi')).toBeVisible();
    await expect(timeline.getByText('Teklif gönderildi')).toBeVisible();
    // Newest first: the note, then the e-mail, then the call.
    await expect(timeline.getByTestId('interaction-item')).toHaveCount(3);
    await expect(timeline.getByTestId('interaction-item').first()).toContainText('Cuma günü tekrar aranacak.');
    await shot(page, 'customer-timeline', 'tr');
  });

  await test.step('the type filter keeps notes only, then calls only, and clears', async () => {
    const timeline = page.getByTestId('customer-timeline');
    await chooseOption(page, tr('interactions.type'), tr('interactions.types.note'));
    await expect(page).toHaveURL(/timeline=note/);
    await expect(timeline.getByTestId('interaction-item')).toHaveCount(1);
    await expect(timeline.getByText('Cuma günü tekrar aranacak.')).toBeVisible();
    await chooseOption(page, tr('interactions.type'), tr('interactions.types.call'));
    await expect(page).toHaveURL(/timeline=call/);
    await expect(timeline.getByTestId('interaction-item')).toHaveCount(1);
    await expect(timeline.getByText('Fiyat görüşmesi')).toBeVisible();
    await chooseOption(page, tr('interactions.type'), tr('interactions.types.meeting'));
    await expect(timeline.getByText(tr('interactions.emptyFiltered'))).toBeVisible();
    await useLocale(page, 'en');
    await page.goto(`/${slug}/customers/${customerId}?timeline=note`);
    await expect(page.getByTestId('customer-timeline').getByTestId('interaction-item')).toHaveCount(1);
    await shot(page, 'customer-timeline-notes', 'en');
    await page.goto(`/${slug}/customers/${customerId}`);
    await expect(page.getByTestId('customer-timeline').getByTestId('interaction-item')).toHaveCount(3);
    await shot(page, 'customer-timeline', 'en');
    await useLocale(page, 'tr');
  });
});

test('a business has its own page, edit page (live in another tab) and deletion by the owner', async ({ page }) => {
  test.setTimeout(180_000);
  const { slug } = await ownerWithBusiness(page, 'Sayfalı Kırtasiye', 'business-page');
  await insertCustomer(slug, { name: 'İlk Müşteri' });
  await insertCustomer(slug, { name: 'İkinci Müşteri' });

  await test.step('the business menu leads to the business page with its owner and counts', async () => {
    await page.getByTestId('business-switcher').click();
    await page.getByTestId('business-page-link').click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/business$`));
    await expect(page.getByTestId('business-name')).toHaveText('Sayfalı Kırtasiye');
    await expect(page.getByTestId('business-owner')).toContainText('Ayşe Yılmaz');
    await expect(page.getByTestId('business-count-customers')).toContainText('2');
    await expect(page.getByTestId('business-count-personnel')).toContainText('1');
    await expect(page.getByTestId('business-count-deals')).toContainText('0');
    await expect(page.getByTestId('business-count-projects')).toContainText('0');
    await expect(page.getByText(tr('businesses.page.noContact'))).toBeVisible();
  });

  const other = await page.context().newPage();
  await test.step('an edit on the edit page shows on the business page in another tab', async () => {
    await visit(other, `/${slug}/business`);
    await expect(other.getByTestId('business-name')).toHaveText('Sayfalı Kırtasiye');
    await other.locator('[data-live="connected"]').waitFor({ state: 'attached' });
    await visit(page, `/${slug}/business`);
    await page.getByTestId('business-edit').click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/business/edit$`));
    await expect(heading(page, tr('businesses.page.editTitle'))).toBeVisible();
    await field(page, tr('businesses.name')).fill('Sayfalı Kırtasiye ve Kitabevi');
    await field(page, tr('businesses.phone')).fill('+90 532 123 45 67');
    await page.getByRole('button', { name: tr('common.save') }).click();
    await expect(toast(page, tr('businesses.updated'))).toBeVisible();
    await other.bringToFront();
    await expect(other.getByTestId('business-name')).toHaveText('Sayfalı Kırtasiye ve Kitabevi', { timeout: 10_000 });
    await expect(other.getByText(tr('businesses.page.noContact'))).toHaveCount(0);
    await other.close();
  });

  await test.step('screenshots of the business page in Turkish and English', async () => {
    await visit(page, `/${slug}/business`);
    await expect(page.getByTestId('business-name')).toHaveText('Sayfalı Kırtasiye ve Kitabevi');
    await shot(page, 'business-page', 'tr');
    await useLocale(page, 'en');
    await page.reload();
    await expect(page.getByText(t('en', 'businesses.page.owner'), { exact: true })).toBeVisible();
    await shot(page, 'business-page', 'en');
    await useLocale(page, 'tr');
    await page.reload();
  });

  await test.step('the owner deletes the business from its page after typing its name', async () => {
    const name = 'Sayfalı Kırtasiye ve Kitabevi';
    const button = page.getByRole('button', { name: tr('businesses.deleteButton') });
    await expect(button).toBeDisabled();
    await page.getByLabel(tr('businesses.deleteConfirmLabel', { name })).fill(name);
    await button.click();
    await expect(toast(page, tr('businesses.deleted'))).toBeVisible();
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});
