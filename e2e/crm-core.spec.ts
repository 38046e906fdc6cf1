import { expect, test, type Page } from '@playwright/test';
import { field, heading, ownerWithBusiness, t, toast, uniqueEmail } from './support/app';
import { waitForMail } from './support/mail';

/*
 * The CRM core end to end, through the pages a shop owner uses: the company "A Şirketi" with a
 * contact person, a tag, a call and an e-mail logged from its profile (the e-mail reaches the SMTP
 * server and shows in the outbox and on the timeline), a reminder about it that lights up the bell
 * when it falls due, and a search without Turkish letters that finds it.
 */

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

async function addToTagsInput(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.fill(value);
  await input.press('Enter');
}

test('A Şirketi: contact, tag, call, e-mail, reminder and bell, search without Turkish letters', async ({ page }) => {
  test.setTimeout(180_000);
  const { slug } = await ownerWithBusiness(page, 'Deniz Danışmanlık', 'crm');
  const companyMail = uniqueEmail('asirketi');
  let companyId = '';

  await test.step('create the company with an e-mail address', async () => {
    await page.getByRole('navigation').getByRole('link', { name: tr('shell.customers') }).click();
    await page.getByRole('link', { name: tr('customers.new') }).first().click();
    await page.getByRole('radiogroup').getByText(tr('customers.kind.company'), { exact: true }).click();
    await field(page, tr('customers.fields.companyName')).fill('A Şirketi');
    await addToTagsInput(page, tr('customers.fields.emails'), companyMail);
    await page.getByRole('button', { name: tr('common.create') }).click();
    await expect(toast(page, tr('customers.created', { name: 'A Şirketi' }))).toBeVisible();
    await expect(heading(page, 'A Şirketi')).toBeVisible();
    companyId = new URL(page.url()).pathname.split('/').pop()!;
  });

  await test.step('add its contact person', async () => {
    await page.getByRole('link', { name: tr('customers.profile.addPerson') }).click();
    await expect(page.getByRole('combobox', { name: tr('customers.fields.company') })).toHaveValue('A Şirketi');
    await field(page, tr('customers.fields.name')).fill('Işıl Güneş');
    await addToTagsInput(page, tr('customers.fields.phones'), '0532 123 45 67');
    await page.getByRole('button', { name: tr('common.create') }).click();
    await expect(toast(page, tr('customers.created', { name: 'Işıl Güneş' }))).toBeVisible();
    await expect(page.getByTestId('profile-company')).toHaveText('A Şirketi');
  });

  await test.step('tag the company', async () => {
    await page.goto(`/${slug}/customers/tags`);
    await field(page, tr('customers.tags.name')).fill('Kurumsal');
    await page.getByRole('button', { name: tr('customers.tags.new') }).click();
    await expect(toast(page, tr('customers.tags.created', { name: 'Kurumsal' }))).toBeVisible();
    await page.goto(`/${slug}/customers/${companyId}`);
    await page.getByRole('combobox', { name: tr('customers.profile.addTag') }).click();
    await page.getByRole('option', { name: 'Kurumsal', exact: true }).click();
    await expect(page.getByTestId('customer-tags')).toContainText('Kurumsal');
  });

  await test.step('log a call from the profile in two clicks', async () => {
    await page.getByRole('button', { name: tr('interactions.logCall') }).click();
    const dialog = page.getByRole('dialog', { name: tr('interactions.logCallTitle', { name: 'A Şirketi' }) });
    await dialog.getByRole('button', { name: tr('interactions.outcomes.connected') }).click();
    await expect(toast(page, tr('interactions.created'))).toBeVisible();
    await expect(page.getByTestId('interaction-item').first()).toContainText(tr('interactions.types.call'));
  });

  const subject = 'Teklifimiz hakkında: görüşmemizin özeti';
  await test.step('send an e-mail from the profile; it shows on the timeline', async () => {
    await page.getByRole('button', { name: tr('interactions.sendEmail') }).click();
    const dialog = page.getByRole('dialog', { name: tr('interactions.email.title', { name: 'A Şirketi' }) });
    await dialog.getByRole('textbox', { name: tr('interactions.email.subject') }).fill(subject);
    await dialog.getByRole('textbox', { name: tr('interactions.email.body') }).fill('Merhaba,\nKonuştuğumuz teklifi ekte bulabilirsiniz.\n{{business.name}}');
    await dialog.getByRole('button', { name: tr('interactions.email.send') }).click();
    await expect(toast(page, tr('interactions.emailQueued'))).toBeVisible();
    await expect(page.getByTestId('interaction-item').first()).toContainText(subject);
  });

  await test.step('the e-mail reaches the SMTP server and the outbox says sent', async () => {
    const mail = await waitForMail(companyMail);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain('Deniz Danışmanlık');
    await page.getByRole('navigation').getByRole('link', { name: tr('shell.outbox') }).click();
    const row = page.getByTestId('outbox-row').filter({ hasText: 'A Şirketi' });
    await expect(row.getByTestId('outbox-status')).toHaveText(tr('interactions.outbox.statuses.sent'), { timeout: 20_000 });
  });

  await test.step('a reminder about the company falls due and lights up the bell without a reload', async () => {
    await page.goto(`/${slug}/customers/${companyId}`);
    await expect(page.getByTestId('bell-count')).toHaveAttribute('data-count', '0');
    // Due in a few seconds rather than a minute, to keep the journey short; the form's picker
    // (whole minutes) is exercised by the reminders journey.
    const title = 'A Şirketi’ni geri ara';
    const status = await page.evaluate(
      async ({ title, customerId }) => {
        const people = (await (await fetch('/api/v1/personnel')).json()) as { data: { id: string; hasLogin: boolean }[] };
        const me = people.data.find((p) => p.hasLogin)!;
        const res = await fetch('/api/v1/reminders', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title, dueAt: new Date(Date.now() + 5_000).toISOString(), assigneeId: me.id, customerId }),
        });
        return res.status;
      },
      { title, customerId: companyId },
    );
    expect(status).toBe(201);
    await expect(page.getByTestId('bell-count')).toHaveAttribute('data-count', '1', { timeout: 60_000 });
    await page.reload();
    await expect(page.getByText(title).first()).toBeVisible();
  });

  await test.step('"a sirketi" finds the company and its person', async () => {
    await page.goto(`/${slug}/customers`);
    await page.getByTestId('customer-search').fill('a sirketi');
    const rows = page.getByTestId('customer-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Işıl Güneş' })).toContainText('A Şirketi');
  });
});
