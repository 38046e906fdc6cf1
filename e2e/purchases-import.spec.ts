import iconv from 'iconv-lite';
import { expect, test, type Page } from '@playwright/test';
import { formatMoney, orderTotals } from '../src/lib/money';
import { chooseFile, formatted, heading, ownerWithBusiness, screenshotBothWidths, t, toast } from './support/app';
import { insertCustomer } from './support/db';

/*
 * An owner brings her sales history from Turkish Excel (Windows-1254, `;`): she reaches the
 * purchases import from the customer import page, uploads orders for a customer found by e-mail
 * and one found by exact name, sees two orders recorded and the two bad rows listed with their row
 * number and column, finds the order and the lifetime value on the customer's profile, and uploads
 * the same file again without anything being recorded twice.
 */

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);
const screenshot = (page: Page, name: string) => screenshotBothWidths(page, 'purchases-import-tr', name);

const EBRU = { name: 'Ebru Çelik', email: 'ebru.celik@ornek.com.tr' };
const GULSEN = { name: 'Gülşen Öztürk' };

/**
 * Ebru's two-line order, as the file writes it and in the units the import must read it as:
 * "1.234,50" is one thousand two hundred thirty-four lira fifty, "%10" ten percent.
 */
const EBRU_LINES = [
  { name: 'Çay demliği', quantity: '2', price: '1.234,50', vat: '20', quantityMilli: 2000, unitPriceMinor: 123_450, vatRateBp: 2000 },
  { name: 'Şekerlik', quantity: '1', price: '89,95', vat: '%10', quantityMilli: 1000, unitPriceMinor: 8995, vatRateBp: 1000 },
];

/** Data rows of the file, numbered as a spreadsheet numbers them (the header is row 1). */
const ROW_UNKNOWN_CUSTOMER = 5;
const ROW_IMPOSSIBLE_DATE = 6;

function purchasesCsv(): Buffer {
  const lines = [
    'Sipariş No;Tarih;Müşteri;E-posta;Ürün;Adet;Birim Fiyat;KDV Oranı;Durum',
    // The e-mail as another system exports it, in mixed case: matched regardless.
    ...EBRU_LINES.map((l) => ['TZ-1001', '14.03.2026', EBRU.name, 'Ebru.Celik@ornek.com.tr', l.name, l.quantity, l.price, l.vat, 'Ödendi'].join(';')),
    ['TZ-1002', '15.03.2026', GULSEN.name, '', 'Kahve fincanı takımı', '3', '450,00', '20', 'Ödendi'].join(';'),
    ['TZ-1003', '16.03.2026', 'İsmi Bilinmeyen', 'yok.boyle@ornek.com.tr', 'Tepsi', '1', '250,00', '20', 'Ödendi'].join(';'),
    ['TZ-1004', '31.02.2026', EBRU.name, EBRU.email, 'Süzgeç', '1', '75,00', '20', 'Ödendi'].join(';'),
  ];
  return iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1254');
}

const FILE = { name: 'satışlar.csv', mimeType: 'text/csv', buffer: purchasesCsv() };

/** From the menu, as a user goes: customers, their import, and its link to the purchase import. */
async function openPurchaseImport(page: Page, slug: string): Promise<void> {
  await openCustomers(page, slug);
  await page.getByRole('link', { name: tr('imports.action'), exact: true }).click();
  await expect(heading(page, tr('imports.title'))).toBeVisible();
  await page.getByTestId('import-purchases-link').click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/customers/import/purchases$`));
  await expect(heading(page, tr('purchases.import.title'))).toBeVisible();
}

async function upload(page: Page): Promise<void> {
  await chooseFile(page, FILE, tr('purchases.import.submit'));
  await page.getByRole('button', { name: tr('purchases.import.submit') }).click();
}

/** The customer list, from the menu; its rows. */
async function openCustomers(page: Page, slug: string) {
  await page.getByRole('navigation').getByRole('link', { name: tr('shell.customers') }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/customers$`));
  return page.getByTestId('customer-row');
}

async function openProfile(page: Page, slug: string, name: string): Promise<void> {
  await (await openCustomers(page, slug)).getByRole('link', { name, exact: true }).click();
  await expect(heading(page, name)).toBeVisible();
}

test('an owner imports purchases from a Turkish Excel CSV: two orders recorded, two bad rows reported, a second upload adds nothing', async ({ page }) => {
  test.setTimeout(180_000);
  const { slug } = await ownerWithBusiness(page, 'Çınar Züccaciye', 'purchases');
  await insertCustomer(slug, { name: EBRU.name, emails: [EBRU.email] });
  await insertCustomer(slug, { name: GULSEN.name });
  const report = page.getByTestId('purchase-import-report');
  const count = (key: string) => page.getByTestId(`purchase-import-${key}`);

  // What the profile must show for Ebru's order: VAT rounded per line, as the import computes it.
  const ebruTotal = formatMoney(orderTotals(EBRU_LINES).totalMinor, 'TRY', 'tr');
  // 2 × 1.234,50 + 20% VAT = 2.962,80; 89,95 + 10% VAT (8,995 rounds up to 9,00) = 98,95.
  expect(ebruTotal).toBe('₺3.061,75');

  await test.step('the customer import page leads to the purchase import', async () => {
    await openPurchaseImport(page, slug);
    await expect(page.getByText(tr('purchases.import.columnsTitle'), { exact: true })).toBeVisible();
    await screenshot(page, '01-upload');
  });

  await test.step('upload: two orders recorded, the two bad rows listed with their row and column', async () => {
    await upload(page);
    await expect(toast(page, formatted('tr', 'purchases.import.doneWithErrors', { created: 2, existing: 0, failed: 2 }))).toBeVisible();
    await expect(report).toBeVisible();
    await expect(count('created')).toHaveText('2');
    await expect(count('existing')).toHaveText('0');
    await expect(count('failedOrders')).toHaveText('2');
    await expect(count('importedRows')).toHaveText('3');
    await expect(count('failedRows')).toHaveText('2');
    await expect(count('rows')).toHaveText('5');
    await expect(report).toContainText(formatted('tr', 'purchases.import.matchedBy', { email: 1, phone: 0, name: 1 }));

    const rows = page.getByTestId('purchase-import-errors').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    const row = (n: number) => rows.filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${n}$`) }) });
    await expect(row(ROW_UNKNOWN_CUSTOMER)).toContainText(tr('purchases.import.fields.email'));
    await expect(row(ROW_UNKNOWN_CUSTOMER)).toContainText(tr('purchases.import.reasons.customerNotFound'));
    await expect(row(ROW_UNKNOWN_CUSTOMER)).toContainText('yok.boyle@ornek.com.tr');
    await expect(row(ROW_IMPOSSIBLE_DATE)).toContainText(tr('purchases.import.fields.orderedAt'));
    await expect(row(ROW_IMPOSSIBLE_DATE)).toContainText(tr('purchases.import.reasons.invalidDate'));
    await expect(row(ROW_IMPOSSIBLE_DATE)).toContainText('31.02.2026');
    await screenshot(page, '02-result');
  });

  await test.step('the customer list shows both lifetime values; the profile shows the order', async () => {
    const customers = await openCustomers(page, slug);
    // Gülşen was found by her exact name: 3 × 450,00 + 20% VAT.
    const gulsenTotal = formatMoney(orderTotals([{ quantityMilli: 3000, unitPriceMinor: 45_000, vatRateBp: 2000 }]).totalMinor, 'TRY', 'tr');
    await expect(customers.filter({ hasText: GULSEN.name })).toContainText(gulsenTotal);
    await expect(customers.filter({ hasText: EBRU.name })).toContainText(ebruTotal);
    await customers.getByRole('link', { name: EBRU.name, exact: true }).click();
    await expect(heading(page, EBRU.name)).toBeVisible();
    const purchases = page.getByTestId('customer-purchases');
    await expect(purchases.getByTestId('purchases-lifetimeValue')).toHaveText(ebruTotal);
    await expect(purchases.getByTestId('purchases-purchaseCount')).toHaveText('1');
    const order = purchases.getByTestId('purchase-row');
    await expect(order).toHaveCount(1);
    await expect(order).toContainText(new Intl.DateTimeFormat('tr', { dateStyle: 'medium', timeZone: 'Europe/Istanbul' }).format(new Date('2026-03-14T12:00:00Z')));
    await expect(order).toContainText(EBRU_LINES[0]!.name);
    await expect(order).toContainText(tr('purchases.moreItems', { count: 1 }));
    await expect(order).toContainText(tr('purchases.statuses.paid'));
    await expect(order).toContainText(ebruTotal);
    await screenshot(page, '03-profile');
  });

  await test.step('the same file again: both orders already recorded, nothing new', async () => {
    await openPurchaseImport(page, slug);
    await upload(page);
    await expect(toast(page, formatted('tr', 'purchases.import.doneWithErrors', { created: 0, existing: 2, failed: 2 }))).toBeVisible();
    await expect(count('created')).toHaveText('0');
    await expect(count('existing')).toHaveText('2');
    await expect(count('importedRows')).toHaveText('0');
    await expect(count('failedRows')).toHaveText('2');
    await expect(page.getByTestId('purchase-import-errors').locator('tbody tr')).toHaveCount(2);
    await screenshot(page, '04-again');

    // The lifetime value is unchanged: the orders were not written a second time.
    await openProfile(page, slug, EBRU.name);
    await expect(page.getByTestId('purchases-lifetimeValue')).toHaveText(ebruTotal);
    await expect(page.getByTestId('customer-purchases').getByTestId('purchase-row')).toHaveCount(1);
  });
});
