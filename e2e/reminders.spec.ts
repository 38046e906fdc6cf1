import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { APP_URL } from './support/env';
import { chooseOption, detailValue, field, heading, ownerWithBusiness, t, toast, painted, type Locale } from './support/app';

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync('screenshots', { recursive: true });
  await painted(page);
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true, animations: 'disabled' });
}

test('an owner creates a reminder, opens it, edits it, marks it done and deletes it from its page', async ({ page }) => {
  const { slug } = await ownerWithBusiness(page, 'Hatırlatan Çiçekçi', 'reminders');
  const title = 'Şükrü Bey’i ara: teklif';
  let id = '';

  await test.step('the reminders page starts empty and says what to do', async () => {
    await page.getByRole('navigation').getByRole('link', { name: tr('shell.reminders') }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/reminders$`));
    await expect(heading(page, tr('reminders.title'))).toBeVisible();
    await expect(page.getByTestId('reminders-empty')).toContainText(tr('reminders.empty.today'));
    await shot(page, 'reminders-empty-tr-1280');
  });

  await test.step('create a monthly reminder (tomorrow 09:00 by default) assigned to oneself', async () => {
    await page.getByRole('link', { name: tr('reminders.new') }).first().click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/reminders/new$`));
    await expect(heading(page, tr('reminders.newTitle'))).toBeVisible();
    await field(page, tr('reminders.fields.title')).fill(title);
    await chooseOption(page, tr('reminders.fields.repeat'), tr('reminders.repeats.monthly'));
    await page.getByRole('textbox', { name: tr('reminders.fields.note') }).fill('Fiyatı ve teslim tarihini sor.');
    await shot(page, 'reminders-new-tr-1280');
    await page.getByRole('button', { name: tr('common.create') }).click();
    await expect(toast(page, tr('reminders.created', { title }))).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${slug}/reminders/[0-9a-f-]{36}$`));
    id = new URL(page.url()).pathname.split('/').pop()!;
  });

  await test.step('its detail page shows what was saved', async () => {
    await expect(heading(page, title)).toBeVisible();
    await expect(detailValue(page, tr('reminders.fields.repeat'))).toHaveText(tr('reminders.repeats.monthly'));
    await expect(detailValue(page, tr('reminders.fields.dueAt'))).toContainText('09:00');
    await expect(detailValue(page, tr('reminders.fields.assignee'))).toHaveText('Ayşe Yılmaz');
    await expect(page.getByText('Fiyatı ve teslim tarihini sor.')).toBeVisible();
    await expect(page.getByTestId('reminder-history')).toContainText(tr('reminders.historyEmpty'));
    await shot(page, 'reminders-detail-tr-1280');
  });

  await test.step('edit it; the detail page shows the change', async () => {
    await page.getByRole('link', { name: tr('common.edit') }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/reminders/${id}/edit$`));
    await expect(heading(page, tr('reminders.editTitle'))).toBeVisible();
    await field(page, tr('reminders.fields.title')).fill(`${title} (yeniden)`);
    await chooseOption(page, tr('reminders.fields.repeat'), tr('reminders.repeats.weekly'));
    await page.getByRole('button', { name: tr('common.save') }).click();
    await expect(toast(page, tr('reminders.updated', { title: `${title} (yeniden)` }))).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${slug}/reminders/${id}$`));
    await expect(heading(page, `${title} (yeniden)`)).toBeVisible();
    await expect(detailValue(page, tr('reminders.fields.repeat'))).toHaveText(tr('reminders.repeats.weekly'));
  });

  await test.step('mark it done: a weekly reminder moves on and keeps the history', async () => {
    await page.getByRole('button', { name: tr('reminders.markDone') }).click();
    await expect(toast(page, tr('reminders.doneAndMoved', { title: `${title} (yeniden)` }))).toBeVisible();
    await expect(page.getByTestId('reminder-history').getByText(/09:00/)).toHaveCount(1);
  });

  await test.step('the list shows it under upcoming', async () => {
    await page.goto(`/${slug}/reminders?view=upcoming`);
    await expect(page.getByTestId('reminder-list')).toContainText(`${title} (yeniden)`);
    await shot(page, 'reminders-list-tr-1280');
    await page.getByRole('link', { name: `${title} (yeniden)` }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/reminders/${id}$`));
  });

  await test.step('delete it from its page after confirming', async () => {
    await page.getByRole('button', { name: tr('common.delete') }).click();
    await expect(page.getByText(tr('reminders.deleteConfirm', { title: `${title} (yeniden)` }))).toBeVisible();
    await page.getByTestId('confirm-delete').click();
    await expect(toast(page, tr('reminders.deleted', { title: `${title} (yeniden)` }))).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${slug}/reminders$`));
    await expect(page.getByText(`${title} (yeniden)`)).toHaveCount(0);
    await page.goto(`/${slug}/reminders/${id}`);
    await expect(page.getByText(tr('errors.notFoundTitle'))).toBeVisible();
  });
});

test('a reminder that falls due lights up the bell without a reload', async ({ page }) => {
  const { slug } = await ownerWithBusiness(page, 'Zilli Dükkân', 'bell');
  await page.goto(`/${slug}/reminders`);
  await expect(page.getByTestId('bell-count')).toHaveAttribute('data-count', '0');

  // Due a few seconds from now: made through the API with the page's own session, since the form's
  // picker sets whole minutes.
  const title = 'Çay molası: Işıl’ı ara';
  const created = await page.evaluate(
    async ({ title }) => {
      const people = (await (await fetch('/api/v1/personnel')).json()) as { data: { id: string; hasLogin: boolean }[] };
      const me = people.data.find((p) => p.hasLogin)!;
      const res = await fetch('/api/v1/reminders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, dueAt: new Date(Date.now() + 6_000).toISOString(), assigneeId: me.id }),
      });
      return { status: res.status, body: (await res.json()) as { id: string } };
    },
    { title },
  );
  expect(created.status).toBe(201);
  const startedAt = Date.now();

  // The worker's next pass (every 15 s by default) notices it; the live stream refreshes the page.
  await expect(page.getByTestId('bell-count')).toHaveAttribute('data-count', '1', { timeout: 45_000 });
  console.log(`[reminders] due → bell lit without a reload: ${Date.now() - startedAt} ms after creating (due after 6000 ms)`);
  await page.getByTestId('notification-bell').click();
  const item = page.getByTestId('notification-items').getByText(title);
  await expect(item).toBeVisible();
  await expect(page.getByText(tr('notifications.kinds.reminderDue')).first()).toBeVisible();
  await shot(page, 'notifications-bell-tr-1280');
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/reminders/${created.body.id}$`));
  await expect(page.getByTestId('bell-count')).toHaveAttribute('data-count', '0');
  await expect(heading(page, title)).toBeVisible();
});

for (const [locale, width] of [
  ['en', 390],
  ['tr', 390],
  ['en', 1280],
] as [Locale, number][]) {
  test(`reminder pages look right at ${width} px in ${locale === 'en' ? 'English' : 'Turkish'}`, async ({ page, context }) => {
    const { slug } = await ownerWithBusiness(page, `Ekran ${locale} ${width}`, `screens-${locale}-${width}`);
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: APP_URL }]);
    await page.setViewportSize({ width, height: width < 500 ? 844 : 800 });
    const l = (key: string, values?: Record<string, string | number>) => t(locale, key, values);

    await page.goto(`/${slug}/reminders/new`);
    await expect(heading(page, l('reminders.newTitle'))).toBeVisible();
    await field(page, l('reminders.fields.title')).fill(locale === 'tr' ? 'Öğle yemeği: Gülşen Hanım' : 'Lunch with Gülşen');
    await shot(page, `reminders-new-${locale}-${width}`);
    await page.getByRole('button', { name: l('common.create') }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/reminders/[0-9a-f-]{36}$`));
    await shot(page, `reminders-detail-${locale}-${width}`);
    await page.goto(`/${slug}/reminders?view=upcoming`);
    // While a live refresh swaps the page, the old and the new list can both be in the DOM for a moment.
    await expect(page.getByTestId('reminder-list').filter({ visible: true }).first()).toBeVisible();
    await shot(page, `reminders-list-${locale}-${width}`);
    await page.goto(`/${slug}/notifications`);
    await expect(heading(page, l('notifications.title'))).toBeVisible();
    await shot(page, `notifications-${locale}-${width}`);
    await page.goto('/account');
    await expect(page.getByText(l('notifications.preferences.inApp'))).toBeVisible();
    await shot(page, `account-${locale}-${width}`);
  });
}
