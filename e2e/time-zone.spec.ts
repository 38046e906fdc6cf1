import { expect, test } from '@playwright/test';
import { chooseOption, field, heading, ownerWithBusiness, t, toast, visit } from './support/app';
import { insertCustomer, setInstant } from './support/db';

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

// The server runs in UTC (playwright.config.ts) and the browser in Tokyo: a time shown in either
// of their zones instead of the business's (Istanbul) or the user's own fails here.
test.use({ timezoneId: 'Asia/Tokyo' });

// 09:00 UTC on 15 January: 12:00 in Istanbul, 04:00 in New York, 18:00 in Tokyo.
const AT = '2026-01-15T09:00:00Z';
const ISTANBUL = '15 Oca 2026 12:00';
const NEW_YORK = '15 Oca 2026 04:00';

test('times on the customer, deal and project pages are in the business zone, or the user’s own', async ({ page }) => {
  const { slug } = await ownerWithBusiness(page, 'Saat Dükkânı', 'tz-owner');
  const customerId = await insertCustomer(slug, { name: 'Saat Müşterisi' });
  let dealId = '';

  await test.step('a call logged on the customer, moved to a known instant', async () => {
    await page.goto(`/${slug}/customers/${customerId}`);
    await page.getByRole('button', { name: tr('interactions.logCall') }).click();
    const dialog = page.getByRole('dialog', { name: tr('interactions.logCallTitle', { name: 'Saat Müşterisi' }) });
    await dialog.getByRole('button', { name: tr('interactions.outcomes.connected') }).click();
    await expect(toast(page, tr('interactions.created'))).toBeVisible();
    // The business is new: this call is its only interaction.
    await setInstant('interactions', 'occurred_at', slug, null, AT);
  });

  await test.step('a project, and a deal linked to it that was won at a known instant', async () => {
    await page.goto(`/${slug}/projects/new`);
    await field(page, tr('projects.fields.name')).fill('Saat Projesi');
    await page.getByTestId('project-submit').click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/projects/[0-9a-f-]{36}$`));
    await page.goto(`/${slug}/deals/new`);
    await field(page, tr('deals.fields.title')).fill('Saat Fırsatı');
    await chooseOption(page, tr('deals.fields.project'), 'Saat Projesi');
    await page.getByRole('button', { name: tr('common.create') }).click();
    await expect(heading(page, 'Saat Fırsatı')).toBeVisible();
    dealId = new URL(page.url()).pathname.split('/').pop()!;
    await setInstant('deals', 'won_at', slug, dealId, AT);
  });

  const expectTimes = async (text: string) => {
    await visit(page, `/${slug}/customers/${customerId}`);
    await expect(page.getByTestId('interaction-item').first().locator('time')).toHaveText(text);
    await visit(page, `/${slug}/deals/${dealId}`);
    await expect(page.getByTestId('deal-won-at')).toHaveText(text);
    await page.getByTestId('deal-project-link').click();
    await expect(page.getByTestId('project-deal')).toContainText(tr('projects.dealWon', { date: text }));
  };

  await test.step('with the business in Europe/Istanbul, the pages show 12:00', async () => {
    await expectTimes(ISTANBUL);
  });

  await test.step('the user picks America/New_York on their account page: the same pages show 04:00', async () => {
    await page.goto('/account');
    await page.getByTestId('user-time-zone').fill('America/New_York');
    await page.getByRole('option', { name: 'America/New_York', exact: true }).click();
    await page.getByTestId('user-time-zone-save').click();
    await expect(toast(page, tr('businesses.userTimeZone.saved'))).toBeVisible();
    await expectTimes(NEW_YORK);
  });

  await test.step('cleared again, the business zone is back', async () => {
    await page.goto('/account');
    await page.getByRole('button', { name: tr('businesses.userTimeZone.clear') }).click();
    await page.getByTestId('user-time-zone-save').click();
    await expect(toast(page, tr('businesses.userTimeZone.saved'))).toBeVisible();
    await expectTimes(ISTANBUL);
  });
});
