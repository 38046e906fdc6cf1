import { expect, test } from '@playwright/test';
import { field, ownerWithBusiness, screenshotBothWidths, t, visit } from './support/app';
import { boardReady } from './support/board';

/*
 * Calendar days are written the way the page's language writes them, whatever the browser's own
 * language: 31.12.2026 in Turkish, 31/12/2026 in English, typed or picked from a calendar whose
 * month names follow the page. The sales board's close-date filters stand for every day field.
 */

test('day fields read and write dd.MM.yyyy in Turkish and dd/MM/yyyy in English', async ({ page }) => {
  const { slug } = await ownerWithBusiness(page, 'Takvim Atölyesi', 'dates');
  await visit(page, `/${slug}/deals`);
  // Typing before the page's script runs would be lost, as in any browser: wait for it.
  await boardReady(page);
  const closeTo = field(page, t('tr', 'deals.filters.closeTo'));

  await test.step('typed in Turkish, the day goes into the address as an ISO date', async () => {
    await closeTo.fill('31.12.2026');
    await closeTo.press('Tab');
    await expect(page).toHaveURL(/[?&]closeTo=2026-12-31(&|$)/);
    await expect(closeTo).toHaveValue('31.12.2026');
  });

  await test.step('the calendar names its month in Turkish', async () => {
    const closeFrom = field(page, t('tr', 'deals.filters.closeFrom'));
    await closeFrom.click();
    const today = new Date();
    const month = new Intl.DateTimeFormat('tr', { month: 'long', year: 'numeric' }).format(today);
    await expect(page.getByRole('button', { name: month, exact: true })).toBeVisible();
    await screenshotBothWidths(page, 'date-fields-tr', 'calendar');
    // Its days carry Turkish names too; picking the first of the month filters from it.
    const first = new Date(today.getFullYear(), today.getMonth(), 1);
    await page.getByRole('button', { name: new Intl.DateTimeFormat('tr', { day: 'numeric', month: 'long', year: 'numeric' }).format(first), exact: true }).first().click();
    const iso = `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}-01`;
    await expect(page).toHaveURL(new RegExp(`[?&]closeFrom=${iso}(&|$)`));
    await expect(closeFrom).toHaveValue(`01.${iso.slice(5, 7)}.${iso.slice(0, 4)}`);
  });

  await test.step('in English the same day reads 31/12/2026', async () => {
    const control = page.getByRole('radiogroup', { name: t('tr', 'shell.language') }).filter({ visible: true });
    await control.getByText('EN', { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(field(page, t('en', 'deals.filters.closeTo'))).toHaveValue('31/12/2026');
    await screenshotBothWidths(page, 'date-fields-en', 'filters');
  });
});
