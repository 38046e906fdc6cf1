import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseOption, field, heading, ownerWithBusiness, t, toast, uniqueEmail, visit, screenshotBothWidths } from './support/app';
import { addTaskToColumn, assignTaskFromBoard, taskCard, taskColumn } from './support/tasks';
import { waitForMail } from './support/mail';
import { dragWithMouse, moveWithKeyboard } from './support/board';

/*
 * The customer's scenario from start to end, through the UI only: the company "A Şirketi" with an
 * e-mail address, the project "Web Sitesi Yenileme" with the tasks "Tasarım onayı" and "Kodlama"
 * assigned (one of them done), a note on the customer's timeline, a deal in "Teklif verildi" with
 * a quote sent by e-mail, the deal dragged into "Kazanıldı" (with the mouse in one run, with the
 * keyboard in the other), the project that the won deal makes by itself, and the customer's page
 * with both projects, their progress, the quote e-mail and the note. Screenshots at desktop and
 * phone width go to screenshots/ for a person to review.
 */

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

const BUSINESS = 'Atölye Yazılım';
const CUSTOMER = 'A Şirketi';
const PROJECT = 'Web Sitesi Yenileme';
const TASKS = ['Tasarım onayı', 'Kodlama'];
const DEAL = 'Yıllık bakım ve barındırma';
const NOTE = 'Ekim sonuna kadar yayında olmasını istiyorlar; logo dosyaları Cuma geliyor.';

const screenshot = (page: Page, how: string, name: string) => screenshotBothWidths(page, `scenario-${how}`, name);

const stage = (page: Page, name: string) => page.locator('[data-column]').filter({ has: page.getByText(name, { exact: true }), visible: true });
const dealCard = (scope: Page | Locator, title: string) => scope.locator(`[data-testid="deal-card"][data-title="${title}"]`);
for (const how of ['mouse', 'keyboard'] as const) {
  test(`the customer’s scenario, the deal won with the ${how}: projects with progress, the quote e-mail and a note on the timeline`, async ({ page }) => {
    test.setTimeout(300_000);
    const { owner, slug } = await ownerWithBusiness(page, BUSINESS, `scenario-${how}`);
    const address = uniqueEmail('a-sirketi');
    let customerId = '';
    let projectId = '';
    let dealId = '';

    await test.step('record the company "A Şirketi" with its e-mail address', async () => {
      await page.getByRole('navigation').getByRole('link', { name: tr('shell.customers') }).click();
      await page.getByRole('link', { name: tr('customers.new') }).first().click();
      await expect(heading(page, tr('customers.newTitle'))).toBeVisible();
      await page.getByRole('radiogroup').getByText(tr('customers.kind.company'), { exact: true }).click();
      await field(page, tr('customers.fields.companyName')).fill(CUSTOMER);
      const emails = page.getByRole('combobox', { name: tr('customers.fields.emails') });
      await emails.fill(address);
      await emails.press('Enter');
      await page.getByRole('button', { name: tr('common.create') }).click();
      await expect(toast(page, tr('customers.created', { name: CUSTOMER }))).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/${slug}/customers/[0-9a-f-]{36}$`));
      await expect(heading(page, CUSTOMER)).toBeVisible();
      await expect(page.getByRole('link', { name: address })).toBeVisible();
      customerId = new URL(page.url()).pathname.split('/').pop()!;
    });

    await test.step('the project "Web Sitesi Yenileme" for it, from the customer’s page', async () => {
      await page.getByTestId('customer-projects').filter({ visible: true }).getByRole('link', { name: tr('projects.new') }).click();
      await expect(heading(page, tr('projects.newTitle'))).toBeVisible();
      // Opened from the customer's page, the form has the customer chosen already.
      await expect(page.getByRole('combobox', { name: tr('projects.fields.customer'), exact: true })).toHaveValue(CUSTOMER);
      await field(page, tr('projects.fields.name')).fill(PROJECT);
      await page.getByTestId('project-submit').click();
      await expect(toast(page, tr('projects.created', { name: PROJECT }))).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/${slug}/projects/[0-9a-f-]{36}$`));
      await expect(heading(page, PROJECT)).toBeVisible();
      projectId = new URL(page.url()).pathname.split('/').pop()!;
    });

    await test.step('the tasks "Tasarım onayı" and "Kodlama", assigned; the first one done', async () => {
      for (const title of TASKS) await addTaskToColumn(page, 'Yapılacak', title);
      for (const title of TASKS) await assignTaskFromBoard(page, `/${slug}/projects/${projectId}`, title, owner.name);
      // "Kodlama" is open on its page now; "Tasarım onayı" is approved already.
      await visit(page, `/${slug}/projects/${projectId}`);
      await taskCard(page, TASKS[0]!).getByRole('link', { name: TASKS[0]! }).click();
      await expect(heading(page, TASKS[0]!)).toBeVisible();
      await page.getByTestId('task-done').click();
      await expect(toast(page, tr('tasks.markedDone', { title: TASKS[0]! }))).toBeVisible();
      await visit(page, `/${slug}/projects/${projectId}`);
      for (const title of TASKS) await expect(taskCard(page, title).getByText('AY', { exact: true })).toBeVisible();
      await expect(taskColumn(page, 'Tamamlandı').locator('[data-card]').filter({ hasText: TASKS[0]! })).toBeVisible();
      await expect(page.getByTestId('project-percent')).toHaveText('50%');
      if (how === 'mouse') await screenshot(page, how, '01-project');
    });

    await test.step('a note on the customer’s timeline', async () => {
      await visit(page, `/${slug}/customers/${customerId}`);
      const timeline = page.getByTestId('customer-timeline').filter({ visible: true });
      await timeline.getByTestId('new-interaction').click();
      const dialog = page.getByRole('dialog', { name: tr('interactions.new') });
      await dialog.getByRole('radiogroup', { name: tr('interactions.type') }).getByText(tr('interactions.types.note'), { exact: true }).click();
      // Opened from the customer's timeline, the note is about this customer already.
      await expect(dialog).toContainText(CUSTOMER);
      await dialog.getByRole('textbox', { name: tr('interactions.subject') }).fill('Yayın tarihi');
      await dialog.getByRole('textbox', { name: tr('interactions.body') }).fill(NOTE);
      await dialog.getByRole('button', { name: tr('common.save') }).click();
      await expect(toast(page, tr('interactions.created'))).toBeVisible();
      await expect(dialog).toBeHidden();
      const note = timeline.getByTestId('interaction-item').filter({ hasText: NOTE });
      await expect(note).toContainText(tr('interactions.types.note'));
      // A note goes neither in nor out.
      await expect(note).not.toContainText(tr('interactions.directions.outbound'));
    });

    await test.step('a deal for A Şirketi in "Teklif verildi"', async () => {
      await page.getByRole('navigation').getByRole('link', { name: tr('shell.deals') }).click();
      await expect(heading(page, tr('deals.title'))).toBeVisible();
      await page.getByTestId('new-deal').click();
      await expect(heading(page, tr('deals.newTitle'))).toBeVisible();
      await field(page, tr('deals.fields.title')).fill(DEAL);
      await page.getByRole('combobox', { name: tr('deals.fields.customer'), exact: true }).fill('a sirketi');
      await page.getByRole('option', { name: CUSTOMER, exact: true }).click();
      await chooseOption(page, tr('deals.fields.stage'), 'Teklif verildi');
      await field(page, tr('deals.fields.value')).fill('48.000');
      await page.getByRole('button', { name: tr('common.create') }).click();
      await expect(toast(page, tr('deals.created', { title: DEAL }))).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/${slug}/deals/[0-9a-f-]{36}$`));
      await expect(heading(page, DEAL)).toBeVisible();
      dealId = new URL(page.url()).pathname.split('/').pop()!;
    });

    await test.step('a quote on the deal, sent by e-mail; the mail arrives', async () => {
      await page.getByTestId('new-quote').click();
      await expect(page).toHaveURL(new RegExp(`/${slug}/deals/${dealId}/quotes/new$`));
      const line = page.getByTestId('quote-item').first();
      await line.getByTestId('item-name').fill('Barındırma ve bakım, 12 ay');
      await line.getByTestId('item-quantity').fill('12');
      await line.getByTestId('item-price').fill('4.000,00');
      await line.getByTestId('item-vat').fill('20');
      // 12 × 4000 = 48000 + 9600 VAT
      await expect(page.getByTestId('quote-grand-total')).toHaveText(/57\.600,00/);
      await page.getByTestId('quote-save').click();
      await expect(toast(page, tr('quotes.created', { number: '#0001' }))).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/${slug}/quotes/[0-9a-f-]{36}$`));
      await page.getByTestId('quote-send').click();
      await page.getByTestId('confirm-send').click();
      await expect(toast(page, tr('quotes.queued', { number: '#0001', email: address }))).toBeVisible();
      await expect(page.getByTestId('quote-status')).toHaveText(tr('quotes.statuses.sent'));
      const mail = await waitForMail(address, { subject: /teklif/ });
      expect(mail.subject).toBe(tr('quotes.mail.subject', { business: BUSINESS, number: '#0001' }));
      expect(mail.text).toContain(`Sayın ${CUSTOMER}`);
    });

    await test.step(`drag the deal from "Teklif verildi" to "Kazanıldı" with the ${how}`, async () => {
      await visit(page, `/${slug}/deals`);
      await expect(dealCard(stage(page, 'Teklif verildi'), DEAL)).toBeVisible();
      if (how === 'mouse') await screenshot(page, how, '02-deals-before');
      if (how === 'mouse') await dragWithMouse(page, dealCard(page, DEAL).filter({ visible: true }), stage(page, 'Kazanıldı'));
      else await moveWithKeyboard(page, dealCard(stage(page, 'Teklif verildi'), DEAL).locator('xpath=..'), { locale: 'tr', kind: 'deals.dnd', card: DEAL, from: 'Teklif verildi', through: ['Müzakere', 'Kazanıldı'] });
      await expect(toast(page, tr('deals.movedWon', { title: DEAL }))).toBeVisible();
      await expect(dealCard(stage(page, 'Kazanıldı'), DEAL)).toBeVisible();
      await page.reload();
      await expect(dealCard(stage(page, 'Kazanıldı'), DEAL)).toBeVisible();
    });

    await test.step('a project for A Şirketi appears by itself; its notice leads to it', async () => {
      // The won deal's job runs in the background; its notice reaches the bell through the live stream.
      await expect(page.getByTestId('bell-count').filter({ visible: true })).toHaveAttribute('data-count', '1', { timeout: 30_000 });
      await page.getByTestId('notification-bell').filter({ visible: true }).click();
      const notice = page.getByTestId('notification-items').getByRole('button').filter({ hasText: DEAL });
      await expect(notice).toContainText(tr('notifications.kinds.projectFromDeal'));
      await expect(notice).toContainText(CUSTOMER);
      await notice.click();
      await expect(page).toHaveURL(new RegExp(`/${slug}/projects/[0-9a-f-]{36}$`));
      await expect(heading(page, DEAL)).toBeVisible();
      expect(new URL(page.url()).pathname.split('/').pop()).not.toBe(projectId);
    });

    await test.step('the customer’s page: both projects with their progress, the quote e-mail and the note on the timeline', async () => {
      await visit(page, `/${slug}/customers/${customerId}`);
      await expect(heading(page, CUSTOMER)).toBeVisible();
      const projects = page.getByTestId('customer-projects').filter({ visible: true }).getByTestId('project-card');
      await expect(projects).toHaveCount(2);
      const renewal = projects.filter({ hasText: PROJECT });
      await expect(renewal.getByTestId('project-progress')).toHaveText('50%');
      await expect(renewal).toContainText(tr('projects.progressText', { done: 1, total: 2 }));
      const fromDeal = projects.filter({ hasText: DEAL });
      await expect(fromDeal.getByTestId('project-progress')).toHaveText('0%');
      await expect(fromDeal).toContainText(tr('projects.statuses.active'));

      const items = page.getByTestId('customer-timeline').filter({ visible: true }).getByTestId('interaction-item');
      const quoteMail = items.filter({ hasText: tr('quotes.mail.subject', { business: BUSINESS, number: '#0001' }) });
      await expect(quoteMail).toHaveCount(1);
      await expect(quoteMail).toContainText(tr('interactions.types.email'));
      const note = items.filter({ hasText: NOTE });
      await expect(note).toHaveCount(1);
      await expect(note).toContainText(tr('interactions.types.note'));
      await screenshot(page, how, '03-customer');
    });
  });
}
