import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { insertCustomer } from './support/db';
import { insertDeal } from './support/quotes';
import { linkIn, waitForMail } from './support/mail';
import type { StoredMail } from './support/smtp';
import { ownerWithBusiness, t, toast, uniqueEmail, type Locale } from './support/app';

/*
 * A quote on a deal: two lines with Turkish letters and live totals, the PDF, sending it (the mail
 * arrives with the PDF attached), and the customer accepting it through the public link in a
 * browser with no session. The second journey saves screenshots at desktop and phone width in
 * both languages into screenshots/.
 */

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

async function fillLine(page: Page, index: number, line: { name: string; quantity: string; price: string; discount?: string; vat?: string }) {
  const row = page.getByTestId('quote-item').nth(index);
  await row.getByTestId('item-name').fill(line.name);
  await row.getByTestId('item-quantity').fill(line.quantity);
  await row.getByTestId('item-price').fill(line.price);
  if (line.discount) await row.getByTestId('item-discount').fill(line.discount);
  if (line.vat) await row.getByTestId('item-vat').fill(line.vat);
}

test('make a quote with two lines, download its PDF, send it, and the customer accepts it from the link', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { slug } = await ownerWithBusiness(page, 'Güneş Yazılım');
  const address = uniqueEmail('ozlem');
  const customerId = await insertCustomer(slug, { name: 'Özlem Çelik', emails: [address] });
  const dealId = await insertDeal(slug, { title: 'Çağrı merkezi kurulumu', customerId });
  let quoteUrl = '';

  await test.step('two lines; the totals follow every keystroke', async () => {
    await page.goto(`/${slug}/deals/${dealId}/quotes/new`);
    await fillLine(page, 0, { name: 'Çağrı merkezi kurulumu — ğüşıöçİ', quantity: '2', price: '1.500,00', vat: '20' });
    await expect(page.getByTestId('quote-grand-total')).toHaveText(/3\.600,00/);
    await page.getByTestId('add-item').click();
    await fillLine(page, 1, { name: 'Yıllık bakım hizmeti', quantity: '1', price: '750', discount: '10', vat: '20' });
    // 3000 + 600 VAT; 750 − 75 = 675 + 135 VAT: 4410.00
    await expect(page.getByTestId('quote-grand-total')).toHaveText(/4\.410,00/);
    await page.getByTestId('quote-save').click();
    await expect(toast(page, tr('quotes.created', { number: '#0001' }))).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${slug}/quotes/[0-9a-f-]{36}$`));
    quoteUrl = page.url();
    await expect(page.getByTestId('quote-status')).toHaveText(tr('quotes.statuses.draft'));
  });

  await test.step('the PDF downloads and is a PDF', async () => {
    const res = await page.request.get(`${quoteUrl}/pdf`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  let link = '';
  await test.step('send it: confirmation, the toast says queued, the status turns sent when the mail server took it, and the mail arrives with the PDF', async () => {
    await page.getByTestId('quote-send').click();
    await page.getByTestId('confirm-send').click();
    await expect(toast(page, tr('quotes.queued', { number: '#0001', email: address }))).toBeVisible();
    await expect(page.getByTestId('quote-status')).toHaveText(tr('quotes.statuses.sent'));
    const mail = await waitForMail(address, { subject: /teklif/ });
    expect(mail.subject).toBe('Güneş Yazılım firmasından #0001 numaralı teklif');
    expect(mail.text).toContain('Sayın Özlem Çelik');
    const raw = (JSON.parse(fs.readFileSync(mail.file, 'utf8')) as StoredMail).raw;
    expect(raw).toMatch(/Content-Type: application\/pdf;\s*name=teklif-0001\.pdf/);
    link = linkIn(mail, '/q/');
  });

  await test.step("the deal's and the customer's timelines show the e-mail as sent, with the quote's PDF, at the same time of day", async () => {
    const times: string[] = [];
    for (const path of [`/${slug}/deals/${dealId}`, `/${slug}/customers/${customerId}`]) {
      await page.goto(path);
      const delivery = page.getByTestId('message-delivery').first();
      await expect(delivery).toHaveAttribute('data-status', 'sent');
      await expect(delivery).toContainText(tr('interactions.outbox.statuses.sent'));
      await expect(delivery.getByTestId('message-attachment')).toHaveAttribute('href', `${new URL(quoteUrl).pathname}/pdf`);
      times.push((await page.locator('[data-testid="deal-timeline-entry"] time, [data-testid="interaction-item"] time').first().textContent()) ?? '');
    }
    // Both in the business's time zone (Istanbul), as the browser here also is: not UTC on one of them.
    const local = new Intl.DateTimeFormat('tr-TR', { timeStyle: 'short', timeZone: 'Europe/Istanbul' }).format(new Date());
    expect(times[0]).toBe(times[1]);
    expect(times[0]!.slice(-5, -3)).toBe(local.slice(0, 2));
    await page.goto(quoteUrl);
  });

  await test.step('the customer opens the link without an account and accepts', async () => {
    const customer = await browser.newContext();
    const visitor = await customer.newPage();
    await visitor.goto(link);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(tr('quotes.public.heading', { number: '#0001', business: 'Güneş Yazılım' }));
    await expect(visitor.getByTestId('public-quote-lines')).toContainText('Çağrı merkezi kurulumu — ğüşıöçİ');
    await expect(visitor.getByTestId('public-total')).toHaveText(/4\.410,00/);
    const pdf = await visitor.request.get(`${link}/pdf`);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await visitor.getByTestId('quote-accept').click();
    await visitor.getByTestId('confirm-respond').click();
    await expect(visitor.getByTestId('public-answer')).toContainText('kabul ettiniz');
    await expect(visitor.getByTestId('quote-accept')).toHaveCount(0);
    // A wrong token shows nothing.
    const wrong = await visitor.goto(`${link.slice(0, -3)}xyz`);
    expect(wrong?.status()).toBe(404);
    await customer.close();
  });

  await test.step('the quote shows accepted with the time of the answer', async () => {
    await page.reload();
    await expect(page.getByTestId('quote-status')).toHaveText(tr('quotes.statuses.accepted'));
    await expect(page.getByTestId('quote-responded')).toBeVisible();
    await page.goto(`/${slug}/quotes`);
    await expect(page.getByTestId('quote-row')).toHaveCount(1);
    await expect(page.getByTestId('quote-row')).toContainText(tr('quotes.statuses.accepted'));
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
    await page.screenshot({ path: `${SCREENSHOT_DIR}quotes-${locale}-${size.width}-${name}.png`, fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize(WIDTHS[0]);
}

test('screenshots of the quote editor, quote list, sent quote and public page in both languages', async ({ page, browser }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { slug } = await ownerWithBusiness(page, 'Deniz Kırtasiye', 'shots');
  const address = uniqueEmail('ismail');
  const customerId = await insertCustomer(slug, { name: 'İsmail Şahin', emails: [address] });
  const dealId = await insertDeal(slug, { title: 'Okul kırtasiye ihalesi', customerId });

  for (const locale of ['tr', 'en'] as const) {
    const l = (key: string, values?: Record<string, string | number>) => t(locale, key, values);
    if (locale === 'en') {
      await page.getByRole('radiogroup', { name: t('tr', 'shell.language') }).filter({ visible: true }).getByText('EN', { exact: true }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    await page.goto(`/${slug}/deals/${dealId}/quotes/new`);
    await fillLine(page, 0, { name: 'Defter, 100 yaprak çizgili', quantity: '250', price: '42,50', vat: '20' });
    await page.getByTestId('add-item').click();
    await fillLine(page, 1, { name: 'Tükenmez kalem (mavi)', quantity: '1000', price: '7,25', discount: '12,5', vat: '20' });
    await page.getByTestId('quote-notes').fill(locale === 'tr' ? 'Teslimat iki hafta içinde, okulunuza.' : 'Delivery within two weeks.');
    await screenshot(page, locale, '01-editor');
    await page.getByTestId('quote-save').click();
    await expect(page).toHaveURL(/\/quotes\/[0-9a-f-]{36}$/);
    await page.getByTestId('quote-send').click();
    await page.getByTestId('confirm-send').click();
    await expect(page.getByTestId('quote-status')).toHaveText(l('quotes.statuses.sent'));
    await screenshot(page, locale, '02-sent');
    await page.goto(`/${slug}/quotes`);
    await expect(page.getByTestId('quote-row')).toHaveCount(locale === 'tr' ? 1 : 2);
    await screenshot(page, locale, '03-list');
    if (locale === 'tr') {
      const mail = await waitForMail(address, { subject: /teklif/ });
      const visitor = await (await browser.newContext()).newPage();
      await visitor.goto(linkIn(mail, '/q/'));
      await expect(visitor.getByTestId('quote-accept')).toBeVisible();
      for (const size of WIDTHS) {
        await visitor.setViewportSize(size);
        await visitor.screenshot({ path: `${SCREENSHOT_DIR}quotes-public-${size.width}.png`, fullPage: true, animations: 'disabled' });
      }
      await visitor.context().close();
    }
  }
});
