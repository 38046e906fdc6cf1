import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { addPerson, createFirstBusiness, field, heading, newAccount, t, type Locale } from './support/app';

/*
 * Switches between Turkish and English with the TR/EN control, on public and signed-in pages,
 * and saves screenshots of the main pages at desktop and phone width in both languages into
 * screenshots/ for a person to review (nothing is compared against pixels).
 */

const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

async function screenshot(page: Page, locale: Locale, name: string): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    // Fonts and the responsive layout settle before the picture is taken.
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    // Transitions (the phone menu sliding away after the resize) finish at once, not mid-way.
    await page.screenshot({ path: `${SCREENSHOT_DIR}${locale}-${size.width}-${name}.png`, fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize(WIDTHS[0]);
}

/** Picks a language with the visible TR/EN control and waits for the page to speak it. */
async function switchLanguage(page: Page, from: Locale, to: Locale, expectText: string): Promise<void> {
  const control = page.getByRole('radiogroup', { name: t(from, 'shell.language') }).filter({ visible: true });
  await control.getByText(to.toUpperCase(), { exact: true }).click();
  await expect(page.getByText(expectText, { exact: true }).first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
  await expect(page.getByRole('radiogroup', { name: t(to, 'shell.language') }).filter({ visible: true }).getByRole('radio', { name: to.toUpperCase() })).toBeChecked();
}

test('the language switches between Turkish and English, and screenshots of the main pages', async ({ page }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  await test.step('public pages: Turkish by default, English after the switch', async () => {
    await page.goto('/');
    await expect(heading(page, t('tr', 'landing.title'))).toBeVisible();
    await screenshot(page, 'tr', '01-landing');
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: t('tr', 'auth.signInTitle') })).toBeVisible();
    await screenshot(page, 'tr', '02-sign-in');

    await page.goto('/');
    await switchLanguage(page, 'tr', 'en', t('en', 'landing.title'));
    await expect(page.getByRole('link', { name: t('en', 'landing.start') })).toBeVisible();
    await screenshot(page, 'en', '01-landing');
    // The choice is kept (a cookie), not only shown.
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: t('en', 'auth.signInTitle') })).toBeVisible();
    await expect(field(page, t('en', 'auth.password'))).toBeVisible();
    await screenshot(page, 'en', '02-sign-in');
  });

  const owner = newAccount('languages', 'Can Öztürk');
  await test.step('sign up in English; the first-business screen in both languages', async () => {
    await page.getByRole('link', { name: t('en', 'auth.signUp') }).click();
    await field(page, t('en', 'auth.name')).fill(owner.name);
    await field(page, t('en', 'auth.email')).fill(owner.email);
    await field(page, t('en', 'auth.password')).fill(owner.password);
    await page.getByRole('button', { name: t('en', 'auth.signUp') }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(heading(page, t('en', 'dashboard.firstBusinessTitle'))).toBeVisible();
    await screenshot(page, 'en', '03-first-business');

    await switchLanguage(page, 'en', 'tr', t('tr', 'dashboard.firstBusinessTitle'));
    await screenshot(page, 'tr', '03-first-business');
  });

  const slug = await createFirstBusiness(page, 'Öztürk Çay Ocağı');
  const personId = await addPerson(page, slug, {
    name: 'Gülşen Işık',
    email: `gulsen-${Date.now()}@tezgah.test`,
    title: 'Satış temsilcisi',
    department: 'İstanbul şubesi',
    role: t('tr', 'roles.sales'),
  });

  const appPages = [
    { name: '04-dashboard', path: `/${slug}`, heading: (l: Locale) => t(l, 'dashboard.welcome', { name: owner.name }) },
    { name: '05-personnel-list', path: `/${slug}/personnel`, heading: (l: Locale) => t(l, 'personnel.title') },
    { name: '06-person-detail', path: `/${slug}/personnel/${personId}`, heading: () => 'Gülşen Işık' },
    { name: '07-person-edit', path: `/${slug}/personnel/${personId}/edit`, heading: (l: Locale) => t(l, 'personnel.editTitle', { name: 'Gülşen Işık' }) },
    { name: '08-settings', path: `/${slug}/settings`, heading: (l: Locale) => t(l, 'shell.settings') },
  ];

  await test.step('signed-in pages in Turkish', async () => {
    for (const p of appPages) {
      await page.goto(p.path);
      await expect(heading(page, p.heading('tr'))).toBeVisible();
      await screenshot(page, 'tr', p.name);
    }
  });

  await test.step('the switch in the app header turns the app English', async () => {
    await page.goto(`/${slug}/personnel`);
    await switchLanguage(page, 'tr', 'en', t('en', 'personnel.new'));
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: t('en', 'shell.dashboard') })).toBeVisible();
    await expect(nav.getByRole('link', { name: t('en', 'shell.settings') })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: t('en', 'personnel.jobTitle') })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Gülşen Işık' })).toContainText(t('en', 'roles.sales'));
    await page.reload();
    await expect(heading(page, t('en', 'personnel.title'))).toBeVisible();
    await expect(page.getByRole('link', { name: t('en', 'personnel.new') })).toBeVisible();
  });

  await test.step('signed-in pages in English', async () => {
    for (const p of appPages) {
      await page.goto(p.path);
      await expect(heading(page, p.heading('en'))).toBeVisible();
      await screenshot(page, 'en', p.name);
    }
  });
});

test('a business made in English gets English stages and task columns, even when a Turkish reader opens them first', async ({ browser }) => {
  const english = await browser.newContext({ locale: 'en-US' });
  const page = await english.newPage();
  const account = newAccount('english', 'Jane Doe');
  await page.goto('/sign-up');
  await field(page, t('en', 'auth.name')).fill(account.name);
  await field(page, t('en', 'auth.email')).fill(account.email);
  await field(page, t('en', 'auth.password')).fill(account.password);
  await page.getByRole('button', { name: t('en', 'auth.signUp') }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const slug = await createFirstBusiness(page, 'Sunrise Agency', 'en');

  await test.step('a Turkish reader opens sales first: the stages are still English', async () => {
    const turkish = await browser.newContext({ locale: 'tr-TR', storageState: await english.storageState() });
    const reader = await turkish.newPage();
    await reader.goto(`/${slug}/deals`);
    await expect(heading(reader, t('tr', 'deals.title'))).toBeVisible();
    for (const stage of ['In contact', 'Quote given', 'Negotiation', 'Won', 'Lost']) {
      await expect(reader.locator('[data-column]').filter({ has: reader.getByText(stage, { exact: true }) })).toBeVisible();
    }
    await turkish.close();
  });

  await test.step('a new project’s columns are English', async () => {
    await page.goto(`/${slug}/projects/new`);
    await field(page, t('en', 'projects.fields.name')).fill('Website renewal');
    await page.getByTestId('project-submit').click();
    await expect(heading(page, 'Website renewal')).toBeVisible();
    for (const column of ['To do', 'In progress', 'Done']) await expect(page.getByText(column, { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Yapılacak', { exact: true })).toHaveCount(0);
  });
  await english.close();
});
