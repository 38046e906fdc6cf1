import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { insertCustomer } from './support/db';
import { waitForMail } from './support/mail';
import { heading, ownerWithBusiness, t, toast, uniqueEmail, type Locale } from './support/app';

/*
 * Logging a call from a customer's timeline in three clicks at most, sending the customer an
 * e-mail that the SMTP server receives, and seeing both in the outbox and on the activity feed.
 * The second journey saves screenshots of the module's pages at desktop and phone width in both
 * languages into screenshots/ for a person to review.
 */

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

test('log a call in three clicks, send an e-mail that arrives, and see both in the outbox and the feed', async ({ page }) => {
  const businessName = 'Güneş Çiçekçilik';
  const { slug } = await ownerWithBusiness(page, businessName);
  const address = uniqueEmail('cagla');
  const customerId = await insertCustomer(slug, { name: 'Çağla Öztürk', emails: [address], phones: ['+905321234567'] });

  await test.step('the customer’s timeline starts empty', async () => {
    await page.goto(`/${slug}/activity?customer=${customerId}`);
    await expect(page.getByTestId('customer-timeline')).toBeVisible();
    await expect(page.getByText(tr('interactions.emptyTitle'))).toBeVisible();
  });

  await test.step('log a call: the button, then an outcome (two clicks)', async () => {
    let clicks = 0;
    await page.getByRole('button', { name: tr('interactions.logCall') }).click();
    clicks++;
    const dialog = page.getByRole('dialog', { name: tr('interactions.logCallTitle', { name: 'Çağla Öztürk' }) });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: tr('interactions.outcomes.connected') }).click();
    clicks++;
    expect(clicks).toBeLessThanOrEqual(3);
    await expect(toast(page, tr('interactions.created'))).toBeVisible();
    const item = page.getByTestId('interaction-item').first();
    await expect(item).toContainText(tr('interactions.types.call'));
    await expect(item).toContainText(tr('interactions.outcomes.connected'));
    await expect(item).toContainText(tr('interactions.directions.outbound'));
  });

  await test.step('send an e-mail with Turkish letters; it is logged on the timeline', async () => {
    await page.getByRole('button', { name: tr('interactions.sendEmail') }).click();
    const dialog = page.getByRole('dialog', { name: tr('interactions.email.title', { name: 'Çağla Öztürk' }) });
    await expect(dialog).toContainText(address);
    await expect(dialog).toContainText(tr('interactions.email.consentNo'));
    await dialog.getByRole('textbox', { name: tr('interactions.email.subject') }).fill('Teşekkürler {{customer.firstName}}: çiçekleriniz yolda');
    await dialog.getByRole('textbox', { name: tr('interactions.email.body') }).fill('Merhaba {{customer.firstName}},\nSiparişiniz bugün teslim edilecek.\n{{business.name}}');
    // The preview fills in the fields as the server will.
    await expect(dialog).toContainText('Teşekkürler Çağla: çiçekleriniz yolda');
    await dialog.getByRole('button', { name: tr('interactions.email.send') }).click();
    await expect(toast(page, tr('interactions.emailQueued'))).toBeVisible();
    await expect(page.getByTestId('interaction-item').first()).toContainText('Teşekkürler Çağla: çiçekleriniz yolda');
  });

  await test.step('the mail arrives at the SMTP server', async () => {
    const mail = await waitForMail(address, { subject: /Teşekkürler Çağla/ });
    expect(mail.subject).toBe('Teşekkürler Çağla: çiçekleriniz yolda');
    expect(mail.text).toContain('Merhaba Çağla,');
    expect(mail.text).toContain('Siparişiniz bugün teslim edilecek.');
    expect(mail.text).toContain(businessName);
  });

  await test.step('the outbox shows it sent', async () => {
    await page.getByRole('navigation').getByRole('link', { name: tr('shell.outbox') }).click();
    await expect(heading(page, tr('interactions.outbox.title'))).toBeVisible();
    const row = page.getByTestId('outbox-row').filter({ hasText: 'Çağla Öztürk' });
    await expect(row).toContainText('Teşekkürler Çağla: çiçekleriniz yolda');
    // The job may still be running when the page first renders: the live update brings "sent".
    await expect(row.getByTestId('outbox-status')).toHaveText(tr('interactions.outbox.statuses.sent'), { timeout: 20_000 });
  });

  await test.step('the activity feed shows the call and the e-mail, and filters by type', async () => {
    await page.getByRole('navigation').getByRole('link', { name: tr('shell.activity') }).click();
    await expect(heading(page, tr('interactions.activity'))).toBeVisible();
    const items = page.getByTestId('interaction-item');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText(tr('interactions.types.email'));
    await expect(items.nth(1)).toContainText(tr('interactions.types.call'));
    await expect(items.nth(0)).toContainText('Çağla Öztürk');
    await page.goto(`/${slug}/activity?type=call`);
    await expect(page.getByTestId('interaction-item')).toHaveCount(1);
    await expect(page.getByTestId('interaction-item')).toContainText(tr('interactions.outcomes.connected'));
  });
});

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
    await page.screenshot({ path: `${SCREENSHOT_DIR}interactions-${locale}-${size.width}-${name}.png`, fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize(WIDTHS[0]);
}

test('screenshots of the activity feed, timeline, dialogs, outbox and templates in both languages', async ({ page }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { slug } = await ownerWithBusiness(page, 'Deniz Kırtasiye', 'shots');
  const customerId = await insertCustomer(slug, { name: 'İsmail Şahin', emails: [uniqueEmail('ismail')], phones: ['+905551112233'], emailConsent: true });
  await insertCustomer(slug, { name: 'Zeynep Ağaoğlu' });

  for (const locale of ['tr', 'en'] as const) {
    const l = (key: string, values?: Record<string, string | number>) => t(locale, key, values);
    if (locale === 'en') {
      await page.getByRole('radiogroup', { name: t('tr', 'shell.language') }).filter({ visible: true }).getByText('EN', { exact: true }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }

    await page.goto(`/${slug}/settings/templates`);
    if (locale === 'tr') {
      await screenshot(page, locale, '05-templates-empty');
      await page.getByRole('button', { name: l('interactions.templates.new') }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: l('interactions.templates.name') }).fill('Teşekkür');
      await dialog.getByRole('textbox', { name: l('interactions.templates.subject') }).fill('Teşekkürler {{customer.firstName}}');
      await dialog.getByRole('textbox', { name: l('interactions.templates.body') }).fill('Merhaba {{customer.firstName}},\nAlışverişiniz için teşekkürler.\n{{personnel.name}}');
      await dialog.getByRole('button', { name: l('common.save') }).click();
      await expect(toast(page, l('interactions.templates.created', { name: 'Teşekkür' }))).toBeVisible();
    }
    await expect(page.getByTestId('template-row')).toHaveCount(1);
    await screenshot(page, locale, '05-templates');

    await page.goto(`/${slug}/activity?customer=${customerId}`);
    if (locale === 'tr') {
      await page.getByRole('button', { name: l('interactions.logCall') }).click();
      await page.getByRole('dialog').getByRole('button', { name: l('interactions.outcomes.noAnswer') }).click();
      await expect(toast(page, l('interactions.created'))).toBeVisible();
    }
    // In English, the Turkish round's e-mail is on the timeline too.
    await expect(page.getByTestId('interaction-item')).toHaveCount(locale === 'tr' ? 1 : 2);
    await screenshot(page, locale, '02-timeline');

    await page.getByRole('button', { name: l('interactions.logCall') }).click();
    await page.getByText(l('interactions.moreDetails')).click();
    await screenshot(page, locale, '03-log-call');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: l('interactions.sendEmail') }).click();
    const email = page.getByRole('dialog');
    await email.getByRole('combobox', { name: l('interactions.email.template') }).click();
    await page.getByRole('option', { name: 'Teşekkür' }).click();
    await screenshot(page, locale, '04-send-email');
    await email.getByRole('button', { name: l('interactions.email.send') }).click();
    await expect(toast(page, l('interactions.emailQueued'))).toBeVisible();

    await page.goto(`/${slug}/activity`);
    await page.getByRole('button', { name: l('interactions.new') }).click();
    await screenshot(page, locale, '06-new-interaction');
    await page.keyboard.press('Escape');
    await screenshot(page, locale, '01-activity');

    await page.goto(`/${slug}/outbox`);
    await expect(page.getByTestId('outbox-row')).toHaveCount(locale === 'tr' ? 1 : 2);
    await screenshot(page, locale, '07-outbox');
  }
});
