import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { expect, test, type Page } from '@playwright/test';
import { APP_URL } from './support/env';
import { chooseFile, heading, ownerWithBusiness, t, toast, type Locale } from './support/app';

/*
 * An owner imports a 1,000-row customer list exported from Turkish Excel (Windows-1254, `;`) with
 * five broken rows: the columns are matched from the Turkish headers, the preview shows the first
 * rows, the progress runs, 995 customers arrive and the five are listed with their reason and
 * offered as a CSV report. Screenshots of each step at desktop and phone width, in both languages.
 */

const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

async function screenshot(page: Page, locale: Locale, name: string): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    await page.screenshot({ path: `${SCREENSHOT_DIR}${locale}-${size.width}-${name}.png`, fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize(WIDTHS[0]);
}

async function useLanguage(page: Page, locale: Locale): Promise<void> {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: APP_URL }]);
}

/** The broken rows (0-based data index) and the reason each must be reported with. */
const BAD_ROWS = new Map<number, { field: string; reason: string }>([
  [10, { field: 'email', reason: 'email' }],
  [200, { field: 'phone', reason: 'phone' }],
  [450, { field: 'name', reason: 'required' }],
  [700, { field: 'taxNumber', reason: 'taxNumber' }],
  [998, { field: 'email', reason: 'email' }],
]);

function customerCsv(): Buffer {
  const lines = ['Ad Soyad;E-posta;Telefon;Şirket;Şehir;Vergi No'];
  for (let i = 0; i < 1000; i++) {
    const n = String(2_000_000 + i);
    const row = [
      `Müşteri Şükrü ${i}`,
      `musteri.${i}@ornek.com.tr`,
      `0532 ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)}`,
      i % 4 === 0 ? `Çağlayan Gıda ${i % 3}` : '',
      'İzmir',
      '',
    ];
    if (i === 10) row[1] = 'bozuk-adres';
    if (i === 200) row[2] = '123';
    if (i === 450) row[0] = '';
    if (i === 700) row[5] = '12AB';
    if (i === 998) row[1] = 'iki@@at.com';
    lines.push(row.join(';'));
  }
  return iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1254');
}

test('an owner imports 1,000 customers from a Turkish Excel CSV: 995 arrive, 5 are reported with the reason', async ({ page }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);
  const { slug } = await ownerWithBusiness(page, 'Aktarım Dükkânı', 'importer');
  let importUrl = '';

  await test.step('upload the file', async () => {
    await page.goto(`/${slug}/customers/import`);
    await expect(heading(page, tr('imports.title'))).toBeVisible();
    await expect(page.getByText(tr('imports.noImports'))).toBeVisible();
    await screenshot(page, 'tr', '20-import-upload');
    await chooseFile(page, { name: 'müşteriler.csv', mimeType: 'text/csv', buffer: customerCsv() }, tr('imports.upload'));
    await page.getByRole('button', { name: tr('imports.upload') }).click();
    await expect(toast(page, tr('imports.uploaded'))).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${slug}/customers/import/[0-9a-f-]{36}$`));
    importUrl = new URL(page.url()).pathname;
  });

  await test.step('the columns are matched from the Turkish headers, the preview shows the rows as they will arrive', async () => {
    // Detected: Windows-1254 and `;`, the Turkish letters decoded.
    await expect(page.getByText('WINDOWS-1254', { exact: false })).toBeVisible();
    await expect(page.getByTestId('map-0')).toHaveValue(tr('imports.fields.name'));
    await expect(page.getByTestId('map-1')).toHaveValue(tr('imports.fields.email'));
    await expect(page.getByTestId('map-2')).toHaveValue(tr('imports.fields.phone'));
    await expect(page.getByTestId('map-3')).toHaveValue(tr('imports.fields.company'));
    await expect(page.getByTestId('map-4')).toHaveValue(tr('imports.fields.city'));
    await expect(page.getByTestId('map-5')).toHaveValue(tr('imports.fields.taxNumber'));
    const preview = page.getByTestId('import-preview');
    await expect(preview.getByRole('row').filter({ hasText: 'Müşteri Şükrü 0' })).toContainText(tr('imports.ok'));
    // Row 12 of the sheet (the 11th data row) has a bad e-mail: shown before anything is written.
    await expect(preview.getByRole('row').filter({ hasText: /^12/ })).toContainText(t('tr', 'validation.email'));
    await screenshot(page, 'tr', '21-import-mapping');
  });

  await test.step('start; the progress runs and the report shows 995 created and 5 not imported', async () => {
    await page.getByTestId('start-import').click();
    await expect(toast(page, tr('imports.started'))).toBeVisible();
    await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('import-created')).toHaveText('995');
    await expect(page.getByTestId('import-failed')).toHaveText('5');
    const rows = page.getByTestId('import-errors').locator('tbody tr');
    await expect(rows).toHaveCount(5);
    for (const [index, bad] of BAD_ROWS) {
      const row = rows.filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${index + 2}$`) }) });
      await expect(row).toContainText(tr(`imports.fields.${bad.field}`));
      await expect(row).toContainText(t('tr', `validation.${bad.reason}`));
    }
    await screenshot(page, 'tr', '22-import-report');
  });

  await test.step('the error report downloads as a UTF-8 CSV with BOM that Excel reads', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: tr('imports.downloadErrors') }).click();
    const file = await (await download).path();
    const bytes = fs.readFileSync(file!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe([tr('imports.row'), tr('imports.field'), tr('imports.reason'), tr('imports.value')].join(';'));
    expect(text).toContain(`12;${tr('imports.fields.email')};${t('tr', 'validation.email')};bozuk-adres`);
  });

  await test.step('the list of imports shows it as done', async () => {
    await page.goto(`/${slug}/customers/import`);
    await expect(page.getByRole('row').filter({ hasText: 'müşteriler.csv' })).toContainText(tr('imports.statuses.done'));
  });

  await test.step('the same pages in English', async () => {
    await useLanguage(page, 'en');
    const en = (key: string) => t('en', key);
    await page.goto(`/${slug}/customers/import`);
    await expect(heading(page, en('imports.title'))).toBeVisible();
    await screenshot(page, 'en', '20-import-upload');
    await page.goto(importUrl);
    await expect(page.getByText(en('imports.reportTitle'))).toBeVisible();
    await expect(page.getByTestId('import-errors')).toContainText(t('en', 'validation.phone'));
    await screenshot(page, 'en', '22-import-report');
    // A second upload shows the mapping step in English.
    await page.goto(`/${slug}/customers/import`);
    await chooseFile(
      page,
      {
        name: 'customers.csv',
        mimeType: 'text/csv',
        buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name,Email,Phone,Company\nJane Doe,jane@example.com,+44 20 7946 0958,Acme Ltd\nMüşteri Şükrü 1,musteri.1@ornek.com.tr,,\n')]),
      },
      en('imports.upload'),
    );
    await page.getByRole('button', { name: en('imports.upload') }).click();
    await expect(page).toHaveURL(/\/customers\/import\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('map-0')).toHaveValue(en('imports.fields.name'));
    // The second row is a customer the first import made: a likely duplicate.
    await expect(page.getByTestId('import-preview').getByRole('row').filter({ hasText: 'Müşteri Şükrü 1' })).toContainText(
      t('en', 'imports.duplicateOf', { name: 'Müşteri Şükrü 1' }),
    );
    await screenshot(page, 'en', '21-import-mapping');
    await useLanguage(page, 'tr');
  });
});
