import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { field, heading, ownerWithBusiness, t, toast, type Locale, screenshotBothWidths } from './support/app';

/*
 * The customers journey: a company "A Şirketi" with a contact person, a tag, a search that ignores
 * Turkish letters, the profile, and two duplicates merged into one. Screenshots of the pages at
 * desktop and phone width in both languages go to screenshots/ for a person to review.
 */

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

const screenshot = (page: Page, locale: Locale, name: string) => screenshotBothWidths(page, `customers-${locale}`, name);

async function addToTagsInput(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.fill(value);
  await input.press('Enter');
}

/** Fills the customer form's name (and e-mail) and saves; returns the new record's id. */
async function saveCustomer(page: Page, slug: string, name: string, email?: string): Promise<string> {
  await field(page, tr('customers.fields.name')).fill(name);
  if (email) await addToTagsInput(page, tr('customers.fields.emails'), email);
  await page.getByRole('button', { name: tr('common.create') }).click();
  await expect(toast(page, tr('customers.created', { name }))).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/${slug}/customers/[0-9a-f-]{36}$`));
  await expect(heading(page, name)).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop()!;
}

test('customers: a company with a contact, a tag, a Turkish search, the profile, and a merge', async ({ page }) => {
  test.setTimeout(240_000);
  const { slug } = await ownerWithBusiness(page, 'Müşteri Dükkânı');
  let companyId = '';

  await test.step('the list starts empty and says what to do', async () => {
    await page.getByRole('navigation').getByRole('link', { name: tr('shell.customers') }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/customers$`));
    await expect(heading(page, tr('customers.title'))).toBeVisible();
    await expect(page.getByText(tr('customers.emptyTitle'))).toBeVisible();
    await screenshot(page, 'tr', '01-empty');
  });

  await test.step('create the company "A Şirketi"', async () => {
    await page.getByRole('link', { name: tr('customers.new') }).first().click();
    await expect(heading(page, tr('customers.newTitle'))).toBeVisible();
    await page.getByRole('radiogroup').getByText(tr('customers.kind.company'), { exact: true }).click();
    await field(page, tr('customers.fields.companyName')).fill('A Şirketi');
    await field(page, tr('customers.fields.taxNumber')).fill('1234567890');
    await screenshot(page, 'tr', '02-new-company');
    await page.getByRole('button', { name: tr('common.create') }).click();
    await expect(toast(page, tr('customers.created', { name: 'A Şirketi' }))).toBeVisible();
    await expect(heading(page, 'A Şirketi')).toBeVisible();
    companyId = new URL(page.url()).pathname.split('/').pop()!;
  });

  await test.step('add a contact person from the company profile', async () => {
    await page.getByRole('link', { name: tr('customers.profile.addPerson') }).click();
    await expect(page.getByRole('combobox', { name: tr('customers.fields.company') })).toHaveValue('A Şirketi');
    await field(page, tr('customers.fields.jobTitle')).fill('Satın Alma Müdürü');
    await addToTagsInput(page, tr('customers.fields.phones'), '0532 123 45 67');
    await saveCustomer(page, slug, 'Işıl Güneş', 'isil@asirketi.test');
    await expect(page.getByTestId('profile-company')).toHaveText('A Şirketi');
    // Stored as E.164, shown in the international format.
    await expect(page.getByRole('link', { name: '+90 532 123 45 67' })).toBeVisible();
    await page.getByTestId('profile-company').click();
    await expect(page.getByTestId('company-people')).toContainText('Işıl Güneş');
  });

  await test.step('make a tag and put it on the company', async () => {
    await page.goto(`/${slug}/customers/tags`);
    await field(page, tr('customers.tags.name')).fill('VIP');
    await page.getByRole('button', { name: tr('customers.tags.new') }).click();
    await expect(toast(page, tr('customers.tags.created', { name: 'VIP' }))).toBeVisible();
    await page.goto(`/${slug}/customers/${companyId}`);
    await page.getByRole('combobox', { name: tr('customers.profile.addTag') }).click();
    await page.getByRole('option', { name: 'VIP', exact: true }).click();
    await expect(page.getByTestId('customer-tags')).toContainText('VIP');
    await page.reload();
    await expect(page.getByTestId('customer-tags')).toContainText('VIP');
    await screenshot(page, 'tr', '03-company-profile');
  });

  await test.step('"a sirketi" finds the company and its person; the row opens the profile', async () => {
    await page.goto(`/${slug}/customers`);
    await page.getByTestId('customer-search').fill('a sirketi');
    const rows = page.getByTestId('customer-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Işıl Güneş' })).toContainText('A Şirketi');
    await page.getByTestId('customer-search').fill('ŞİRKETİ');
    await expect(rows).toHaveCount(2);
    await expect(page).toHaveURL(/q=/);
    await screenshot(page, 'tr', '04-list-search');
    await rows.getByRole('link', { name: 'A Şirketi', exact: true }).first().click();
    await expect(heading(page, 'A Şirketi')).toBeVisible();
  });

  await test.step('a duplicate is pointed out, can still be saved, and is merged into the first', async () => {
    await page.goto(`/${slug}/customers/new`);
    const firstId = await saveCustomer(page, slug, 'Mehmet Öztürk', 'mehmet@ornek.test');
    await page.goto(`/${slug}/customers/new`);
    await field(page, tr('customers.fields.name')).fill('Mehmet Ozturk');
    await expect(page.getByTestId('duplicate-warning')).toContainText('Mehmet Öztürk');
    await screenshot(page, 'tr', '05-duplicate-warning');
    await addToTagsInput(page, tr('customers.fields.phones'), '+90 555 111 22 33');
    await page.getByRole('button', { name: tr('common.create') }).click();
    await expect(toast(page, tr('customers.created', { name: 'Mehmet Ozturk' }))).toBeVisible();
    await expect(heading(page, 'Mehmet Ozturk')).toBeVisible();

    await page.getByTestId('merge-open').click();
    await page.getByTestId('merge-other').click();
    await page.getByRole('option', { name: 'Mehmet Öztürk', exact: true }).click();
    await page.getByRole('radio', { name: tr('customers.merge.keepThis', { name: 'Mehmet Öztürk' }) }).check();
    await page.getByTestId('merge-confirm').click();
    await expect(toast(page, tr('customers.merged'))).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${slug}/customers/${firstId}$`));
    await expect(heading(page, 'Mehmet Öztürk')).toBeVisible();
    // The phone of the merged record is now on the survivor.
    await expect(page.getByRole('link', { name: '+90 555 111 22 33' })).toBeVisible();
    await page.goto(`/${slug}/customers`);
    await page.getByTestId('customer-search').filter({ visible: true }).fill('mehmet');
    await expect(page.getByTestId('customer-row')).toHaveCount(1);
  });

  await test.step('a tag filter saved as a segment is a list view with a live count', async () => {
    await page.goto(`/${slug}/customers`);
    await expect(page.getByTestId('customer-row')).toHaveCount(3);
    await page.getByRole('button', { name: tr('customers.filters.button') }).click();
    await page.getByRole('combobox', { name: tr('customers.filters.tags') }).click();
    await page.getByRole('option', { name: 'VIP', exact: true }).click();
    await field(page, tr('customers.segments.name')).click();
    await field(page, tr('customers.segments.name')).fill('VIP müşteriler');
    await page.getByRole('button', { name: tr('customers.segments.save') }).click();
    await expect(toast(page, tr('customers.segments.created', { name: 'VIP müşteriler' }))).toBeVisible();
    await expect(page.getByTestId('segment-select')).toHaveValue('VIP müşteriler (1)');
    await expect(page.getByTestId('customer-row')).toHaveCount(1);
    await expect(page.getByTestId('customer-row')).toContainText('A Şirketi');
    await expect(page).toHaveURL(/segment=/);
  });

  await test.step('the export is a UTF-8 CSV with a byte order mark, of the current filter', async () => {
    await page.goto(`/${slug}/customers?q=${encodeURIComponent('şirketi')}`);
    await expect(page.getByTestId('customer-row')).toHaveCount(2);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: tr('customers.export') }).click();
    const download = await downloading;
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toContain(tr('customers.columns.name'));
    expect(lines).toHaveLength(3);
    expect(text).toContain('A Şirketi');
    expect(text).toContain('Işıl Güneş');
    expect(text).not.toContain('Mehmet');
  });

  await test.step('the list routes answer only members of the business', async () => {
    expect((await page.request.get(`/${slug}-baska/customers/rows`)).status()).toBe(404);
    const stranger = await page.context().browser()!.newContext();
    // A visitor without a session is sent to sign-in and gets no CSV.
    const answer = await stranger.request.get(`http://localhost:${new URL(page.url()).port}/${slug}/customers/export`, { maxRedirects: 0 });
    expect([302, 303, 307, 401]).toContain(answer.status());
    expect(answer.headers()['content-type'] ?? '').not.toContain('text/csv');
    await stranger.close();
  });

  await test.step('the pages in English', async () => {
    await page.goto(`/${slug}/customers`);
    const control = page.getByRole('radiogroup', { name: tr('shell.language') }).filter({ visible: true });
    await control.getByText('EN', { exact: true }).click();
    await expect(heading(page, t('en', 'customers.title'))).toBeVisible();
    await screenshot(page, 'en', '01-list');
    await page.goto(`/${slug}/customers/${companyId}`);
    await expect(page.getByText(t('en', 'customers.profile.people'))).toBeVisible();
    await screenshot(page, 'en', '03-company-profile');
    await page.goto(`/${slug}/customers/new`);
    await screenshot(page, 'en', '02-new-person');
  });
});
