import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseOption, field, heading, ownerWithBusiness, t, toast, visit, painted, type Locale } from './support/app';
import { insertCustomer } from './support/db';
import { dragWithMouse, moveWithKeyboard } from './support/board';

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync('screenshots', { recursive: true });
  await painted(page);
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true, animations: 'disabled' });
}

function column(page: Page, name: string): Locator {
  return page.locator('[data-column]').filter({ has: page.getByText(name, { exact: true }) });
}

function card(scope: Page | Locator, title: string): Locator {
  return scope.locator(`[data-testid="deal-card"][data-title="${title}"]`);
}

test('a deal for a customer moves across the board by mouse, undo puts it back, and another tab sees it', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { slug } = await ownerWithBusiness(page, 'Satış Çiçekçisi', 'deals');
  await insertCustomer(slug, { name: 'Çiçekçi Şükrü', emails: ['sukru@example.test'] });
  const title = 'Düğün süslemesi';

  await test.step('the sales page opens with the default stages', async () => {
    await page.getByRole('navigation').getByRole('link', { name: tr('shell.deals') }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/deals`));
    await expect(heading(page, tr('deals.title'))).toBeVisible();
    for (const stage of ['İletişimde', 'Teklif verildi', 'Müzakere', 'Kazanıldı', 'Kaybedildi']) await expect(column(page, stage)).toBeVisible();
    await shot(page, 'deals-empty-tr-1280');
  });

  await test.step('create a deal for the customer in "Teklif verildi", with a Turkish amount', async () => {
    await page.getByTestId('new-deal').click();
    await expect(heading(page, tr('deals.newTitle'))).toBeVisible();
    await field(page, tr('deals.fields.title')).fill(title);
    await page.getByRole('combobox', { name: tr('deals.fields.customer'), exact: true }).fill('sükrü');
    await page.getByRole('option', { name: 'Çiçekçi Şükrü' }).click();
    await chooseOption(page, tr('deals.fields.stage'), 'Teklif verildi');
    await field(page, tr('deals.fields.value')).fill('12.500,50');
    await shot(page, 'deals-new-tr-1280');
    await page.getByRole('button', { name: tr('common.create') }).click();
    await expect(toast(page, tr('deals.created', { title }))).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${slug}/deals/[0-9a-f-]{36}$`));
    await expect(heading(page, title)).toBeVisible();
    await expect(page.getByText('₺12.500,50')).toBeVisible();
    await shot(page, 'deals-detail-tr-1280');
  });

  const other = await browser.newContext({ storageState: await page.context().storageState() });
  const watcher = await other.newPage();
  await visit(watcher, `/${slug}/deals`);
  await expect(card(column(watcher, 'Teklif verildi'), title)).toBeVisible();

  await test.step('drag it with the mouse into "Kazanıldı"; the other tab sees the move', async () => {
    await visit(page, `/${slug}/deals`);
    await expect(card(column(page, 'Teklif verildi'), title)).toBeVisible();
    await dragWithMouse(page, card(page, title), column(page, 'Kazanıldı'));
    await expect(toast(page, tr('deals.movedWon', { title }))).toBeVisible();
    await expect(card(column(page, 'Kazanıldı'), title)).toBeVisible();
    await watcher.bringToFront();
    await expect(card(column(watcher, 'Kazanıldı'), title)).toBeVisible({ timeout: 5_000 });
    await page.bringToFront();
  });

  await test.step('undo puts it back', async () => {
    await page.getByTestId('board-undo').click();
    await expect(card(column(page, 'Teklif verildi'), title)).toBeVisible();
    await expect(toast(page, tr('deals.moved', { title }))).toBeVisible();
  });

  // The won deal's notice refreshes the page just before: the board keeps the card and its focus.
  await test.step('win it again with the keyboard after the undo; the project notice has arrived', async () => {
    await expect(page.getByTestId('bell-count')).toHaveAttribute('data-count', '1', { timeout: 30_000 });
    await moveWithKeyboard(page, card(column(page, 'Teklif verildi'), title).locator('xpath=..'), { locale: 'tr', kind: 'deals.dnd', card: title, from: 'Teklif verildi', through: ['Müzakere', 'Kazanıldı'] });
    await expect(card(column(page, 'Kazanıldı'), title)).toBeVisible();
    await watcher.bringToFront();
    await expect(card(column(watcher, 'Kazanıldı'), title)).toBeVisible({ timeout: 5_000 });
    await page.bringToFront();
  });

  await test.step('a move into "Kaybedildi" asks why; cancelling puts the card back', async () => {
    await dragWithMouse(page, card(page, title), column(page, 'Kaybedildi'));
    await expect(page.getByTestId('lost-reason')).toBeVisible();
    await shot(page, 'deals-lost-reason-tr-1280');
    await page.getByRole('button', { name: tr('common.cancel') }).click();
    await expect(card(column(page, 'Kazanıldı'), title)).toBeVisible();
  });
  await other.close();

  await test.step('screenshots at 1280 and 390 px in Turkish and English', async () => {
    await shot(page, 'deals-board-tr-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(column(page, 'Kazanıldı')).toBeAttached();
    await shot(page, 'deals-board-tr-390');
    const locale: Locale = 'en';
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: page.url() }]);
    await page.reload();
    await expect(heading(page, t('en', 'deals.title'))).toBeVisible();
    await shot(page, 'deals-board-en-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await shot(page, 'deals-board-en-1280');
    await page.goto(`/${slug}/settings/pipelines`);
    await expect(page.getByTestId('pipeline-card')).toBeVisible();
    await shot(page, 'deals-settings-en-1280');
  });
});

test('a deal linked to the customer’s project: winning it makes no second project, records the win there, and the lead becomes a customer', async ({ page }) => {
  test.setTimeout(180_000);
  const { slug } = await ownerWithBusiness(page, 'Web Ajansı', 'linked');
  const customerId = await insertCustomer(slug, { name: 'A Şirketi' });
  const title = 'Web sitesi';

  await test.step('the customer already has "Web Sitesi Yenileme"', async () => {
    await page.goto(`/${slug}/projects/new`);
    await field(page, tr('projects.fields.name')).fill('Web Sitesi Yenileme');
    await page.getByRole('combobox', { name: tr('projects.fields.customer'), exact: true }).fill('a sirketi');
    await page.getByRole('option', { name: 'A Şirketi', exact: true }).click();
    await page.getByTestId('project-submit').click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/projects/[0-9a-f-]{36}$`));
  });

  await test.step('a new deal for the customer, linked to that project on its form', async () => {
    await page.goto(`/${slug}/deals/new`);
    await field(page, tr('deals.fields.title')).fill(title);
    await page.getByRole('combobox', { name: tr('deals.fields.customer'), exact: true }).fill('a sirketi');
    await page.getByRole('option', { name: 'A Şirketi' }).click();
    await field(page, tr('deals.fields.value')).fill('50.000');
    await chooseOption(page, tr('deals.fields.project'), 'Web Sitesi Yenileme');
    await page.getByRole('button', { name: tr('common.create') }).click();
    await expect(heading(page, title)).toBeVisible();
    await expect(page.getByTestId('deal-project-link')).toHaveText('Web Sitesi Yenileme');
  });

  await test.step('the column total reads the full amount, ₺50.000, also on hover', async () => {
    await visit(page, `/${slug}/deals`);
    const total = column(page, 'İletişimde').getByTestId('column-total');
    await expect(total).toHaveText(tr('deals.total', { value: '₺50.000' }));
    await expect(total).toHaveAttribute('title', tr('deals.total', { value: '₺50.000' }));
  });

  await test.step('dragged to "Kazanıldı": still one project, which shows the won deal; the customer is active', async () => {
    await visit(page, `/${slug}/deals`);
    await dragWithMouse(page, card(page, title), column(page, 'Kazanıldı'));
    await expect(toast(page, tr('deals.movedWon', { title }))).toBeVisible();
    await expect(card(column(page, 'Kazanıldı'), title)).toBeVisible();
    await page.goto(`/${slug}/projects`);
    // The won deal's job has run once the project shows the win.
    await page.getByRole('link', { name: 'Web Sitesi Yenileme' }).first().click();
    await expect(page.getByTestId('project-deal')).toContainText(title);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('project-deal')).toContainText(tr('projects.dealWon', { date: '' }).trim().split(':')[0]!, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await page.goto(`/${slug}/projects`);
    await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Web Sitesi Yenileme' })).toHaveCount(1);
    await page.goto(`/${slug}/customers/${customerId}`);
    await expect(page.getByTestId('customer-status')).toHaveAttribute('data-status', 'active');
  });
});
