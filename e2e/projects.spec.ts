import { expect, test, type Page } from '@playwright/test';
import { field, heading, ownerWithBusiness, signIn, t, toast, visit, type Locale, screenshotBothWidths } from './support/app';
import { addTaskToColumn, assignTaskFromBoard, taskCard, taskColumn } from './support/tasks';
import { dragWithMouse, dragWithTouch, moveWithKeyboard } from './support/board';

/*
 * The projects journey: a customer "A Şirketi", the project "Web Sitesi Yenileme" for it, two
 * tasks added from the board's column and assigned, moves across the board with the mouse, the
 * keyboard and a finger on a phone, the project with its progress among the customer's projects,
 * and a move in one browser context showing in another. Screenshots at desktop and phone width in both languages go to
 * screenshots/ for a person to review.
 */

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

const screenshot = (page: Page, locale: Locale, name: string) => screenshotBothWidths(page, `projects-${locale}`, name);


test('projects: a customer’s project, tasks on a board moved by mouse, keyboard and touch, live in another tab', async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const { owner, slug } = await ownerWithBusiness(page, 'Proje Atölyesi', 'projects-owner');
  const projectName = 'Web Sitesi Yenileme';
  let customerId = '';
  let projectId = '';

  await test.step('a customer "A Şirketi"', async () => {
    await page.goto(`/${slug}/customers/new`);
    await field(page, tr('customers.fields.name')).fill('A Şirketi');
    await page.getByRole('button', { name: tr('common.create') }).click();
    await expect(toast(page, tr('customers.created', { name: 'A Şirketi' }))).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${slug}/customers/[0-9a-f-]{36}$`));
    customerId = new URL(page.url()).pathname.split('/').pop()!;
  });

  await test.step('the projects list starts empty; a new project for the customer', async () => {
    await page.getByRole('navigation').getByRole('link', { name: tr('shell.projects') }).click();
    await expect(heading(page, tr('projects.title'))).toBeVisible();
    await expect(page.getByText(tr('projects.empty'))).toBeVisible();
    await page.getByTestId('project-new').click();
    await expect(heading(page, tr('projects.newTitle'))).toBeVisible();
    await field(page, tr('projects.fields.name')).fill(projectName);
    const customer = page.getByRole('combobox', { name: tr('projects.fields.customer'), exact: true });
    await customer.fill('a sirketi');
    await page.getByRole('option', { name: 'A Şirketi', exact: true }).click();
    await screenshot(page, 'tr', '02-new');
    await page.getByTestId('project-submit').click();
    await expect(toast(page, tr('projects.created', { name: projectName }))).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${slug}/projects/[0-9a-f-]{36}$`));
    await expect(heading(page, projectName)).toBeVisible();
    projectId = new URL(page.url()).pathname.split('/').pop()!;
    for (const name of ['Yapılacak', 'Devam ediyor', 'Tamamlandı']) await expect(taskColumn(page, name)).toBeVisible();
  });

  await test.step('two tasks from the column’s +, each assigned on its page', async () => {
    await addTaskToColumn(page, 'Yapılacak', 'Tasarım onayı');
    await addTaskToColumn(page, 'Yapılacak', 'Kodlama');
    for (const title of ['Tasarım onayı', 'Kodlama']) await assignTaskFromBoard(page, `/${slug}/projects/${projectId}`, title, owner.name);
    await screenshot(page, 'tr', '04-task');
    await visit(page, `/${slug}/projects/${projectId}`);
    await expect(taskCard(page, 'Kodlama').getByText('AY')).toBeVisible();
    await expect(page.getByTestId('project-percent')).toHaveText('0%');
  });

  await test.step('moves: a card dragged with the mouse, another with the keyboard', async () => {
    await dragWithMouse(page, taskCard(page, 'Tasarım onayı'), taskColumn(page, 'Tamamlandı'), 'corner');
    await expect(toast(page, tr('tasks.moved'))).toBeVisible();
    await expect(taskColumn(page, 'Tamamlandı').locator('[data-card]').filter({ hasText: 'Tasarım onayı' })).toBeVisible();
    await expect(page.getByTestId('project-percent')).toHaveText('50%');

    const handle = taskCard(page, 'Kodlama').getByRole('button', { name: 'Kodlama' });
    await moveWithKeyboard(page, handle, { locale: 'tr', kind: 'tasks.board', card: 'Kodlama', from: 'Yapılacak', through: ['Devam ediyor'] });
    await expect(taskColumn(page, 'Devam ediyor').locator('[data-card]').filter({ hasText: 'Kodlama' })).toBeVisible();
    await expect(toast(page, tr('tasks.moved')).first()).toBeVisible();
    await page.reload();
    await expect(taskColumn(page, 'Devam ediyor').locator('[data-card]').filter({ hasText: 'Kodlama' })).toBeVisible();
    await screenshot(page, 'tr', '03-board');
  });

  await test.step('the customer’s projects show the project with its progress', async () => {
    await visit(page, `/${slug}/projects?customerId=${customerId}`);
    const item = page.getByTestId('project-card').filter({ hasText: projectName, visible: true });
    await expect(item).toBeVisible();
    await expect(item.getByTestId('project-progress')).toHaveText('50%');
    await expect(item.getByText('A Şirketi')).toBeVisible();
    await screenshot(page, 'tr', '01-list');
  });

  await test.step('my tasks lists both, grouped', async () => {
    await page.getByRole('navigation').getByRole('link', { name: tr('shell.myTasks') }).click();
    await expect(heading(page, tr('tasks.myTasks'))).toBeVisible();
    await expect(page.getByTestId('my-task').filter({ hasText: 'Kodlama', visible: true })).toBeVisible();
    await expect(page.getByTestId('my-tasks-done').getByText('Tasarım onayı')).toBeVisible();
    await screenshot(page, 'tr', '05-my-tasks');
  });

  await test.step('a move in one browser context shows in another', async () => {
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await visit(other, '/sign-in');
    await signIn(other, owner.email, owner.password);
    await expect(other).not.toHaveURL(/sign-in/);
    await visit(other, `/${slug}/projects/${projectId}`);
    await expect(taskColumn(other, 'Devam ediyor').locator('[data-card]').filter({ hasText: 'Kodlama' })).toBeVisible();
    await expect(other.locator('[data-live="connected"]')).toBeAttached();

    await visit(page, `/${slug}/projects/${projectId}`);
    await expect(page.locator('[data-live="connected"]')).toBeAttached();
    await dragWithMouse(page, taskCard(page, 'Kodlama'), taskColumn(page, 'Tamamlandı'), 'corner');
    await expect(toast(page, tr('tasks.moved'))).toBeVisible();
    await other.bringToFront();
    await expect(taskColumn(other, 'Tamamlandı').locator('[data-card]').filter({ hasText: 'Kodlama' })).toBeVisible({ timeout: 5_000 });
    await expect(other.getByTestId('project-percent')).toHaveText('100%');

    // The toast's undo puts the card back, here and in the other context.
    await page.bringToFront();
    await toast(page, tr('tasks.moved')).getByTestId('undo-move').click();
    await page.mouse.move(640, 700);
    await expect(toast(page, tr('tasks.undone'))).toBeVisible();
    await expect(taskColumn(page, 'Devam ediyor').locator('[data-card]').filter({ hasText: 'Kodlama' })).toBeVisible();
    await other.bringToFront();
    await expect(taskColumn(other, 'Devam ediyor').locator('[data-card]').filter({ hasText: 'Kodlama' })).toBeVisible({ timeout: 5_000 });
    await expect(other.getByTestId('project-percent')).toHaveText('50%');
    await otherContext.close();
  });

  await test.step('on a phone, a finger moves a task to another column', async () => {
    const phone = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const hand = await phone.newPage();
    await visit(hand, '/sign-in');
    await signIn(hand, owner.email, owner.password);
    await expect(hand).not.toHaveURL(/sign-in/);
    await visit(hand, `/${slug}/projects/${projectId}`);
    await expect(hand.locator('[data-live="connected"]')).toBeAttached();
    await dragWithTouch(hand, taskCard(hand, 'Kodlama'), taskColumn(hand, 'Tamamlandı'), { locale: 'tr', kind: 'tasks.board', card: 'Kodlama', fromColumn: 'Devam ediyor' });
    await expect(toast(hand, tr('tasks.moved'))).toBeVisible();
    await expect(taskColumn(hand, 'Tamamlandı').locator('[data-card]').filter({ hasText: 'Kodlama' })).toBeVisible();
    await expect(hand.getByTestId('project-percent')).toHaveText('100%');
    await phone.close();
    await page.bringToFront();
    await expect(taskColumn(page, 'Tamamlandı').locator('[data-card]').filter({ hasText: 'Kodlama' })).toBeVisible({ timeout: 5_000 });
  });

  await test.step('English screenshots', async () => {
    await page.bringToFront();
    // The toasts of the moves close by themselves (nothing hovers them): then the switch is free.
    await expect(toast(page, tr('tasks.undone'))).toHaveCount(0, { timeout: 10_000 });
    await expect(toast(page, tr('tasks.moved'))).toHaveCount(0, { timeout: 10_000 });
    const control = page.getByRole('radiogroup', { name: tr('shell.language') }).filter({ visible: true });
    await control.getByText('EN', { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await visit(page, `/${slug}/projects`);
    await expect(heading(page, t('en', 'projects.title'))).toBeVisible();
    await screenshot(page, 'en', '01-list');
    await visit(page, `/${slug}/projects/${projectId}`);
    await expect(taskColumn(page, 'Tamamlandı')).toBeVisible();
    await screenshot(page, 'en', '03-board');
    await visit(page, `/${slug}/tasks`);
    await expect(heading(page, t('en', 'tasks.myTasks'))).toBeVisible();
    await screenshot(page, 'en', '05-my-tasks');
    await visit(page, `/${slug}/settings/project-templates`);
    await page.getByTestId('template-new').click();
    await page.getByTestId('template-name').fill('Website project');
    await page.getByTestId('template-task-title').first().fill('Kick-off meeting');
    await page.getByTestId('template-submit').click();
    await expect(toast(page, t('en', 'projects.templates.created', { name: 'Website project' }))).toBeVisible();
    await expect(page.getByTestId('template-card').filter({ hasText: 'Kick-off meeting (+0)', visible: true })).toBeVisible();
    await screenshot(page, 'en', '06-templates');
  });
  await context.close();
});
