import { expect, test, type Page } from '@playwright/test';
import { field, ownerWithBusiness, t } from './support/app';
import { insertCustomer } from './support/db';
import { insertDeal } from './support/quotes';
import { addTaskToColumn } from './support/tasks';

/*
 * Every main page, at desktop and at phone width, with some data on it: the journey fails on any
 * console error (a hydration mismatch, #418, is one) and on any failed request. Requests that a
 * navigation aborts, and the event stream reconnecting, are part of moving between pages.
 */

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

type Problem = { page: string; kind: string; text: string };

function watch(page: Page, problems: Problem[], current: () => string): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push({ page: current(), kind: 'console', text: message.text() });
  });
  page.on('pageerror', (error) => problems.push({ page: current(), kind: 'pageerror', text: error.message }));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    const url = new URL(request.url());
    // Leaving a page aborts its pending requests; the event stream closes and reopens by design.
    if (failure.includes('ERR_ABORTED') || url.pathname.startsWith('/api/events')) return;
    problems.push({ page: current(), kind: 'requestfailed', text: `${request.method()} ${url.pathname} ${failure}` });
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.status() >= 400 && !url.pathname.startsWith('/api/events')) {
      problems.push({ page: current(), kind: `http ${response.status()}`, text: `${response.request().method()} ${url.pathname}` });
    }
  });
}

test('every main page opens at desktop and phone width without console errors or failed requests', async ({ page }) => {
  test.setTimeout(300_000);
  const { slug } = await ownerWithBusiness(page, 'Sayfa Turu', 'pages');
  const customerId = await insertCustomer(slug, { name: 'A Şirketi', emails: ['a@sirket.test'] });
  const dealId = await insertDeal(slug, { title: 'Web sitesi', customerId });

  // A project with a task, made through the app.
  await page.goto(`/${slug}/projects/new`);
  await field(page, tr('projects.fields.name')).fill('Web Sitesi Yenileme');
  await page.getByTestId('project-submit').click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/projects/[0-9a-f-]{36}$`));
  const projectPath = new URL(page.url()).pathname;
  await addTaskToColumn(page, 'Yapılacak', 'Tasarım onayı');

  const paths = [
    `/${slug}`,
    `/${slug}/customers`,
    `/${slug}/customers/${customerId}`,
    `/${slug}/deals`,
    `/${slug}/deals?view=list`,
    `/${slug}/deals/${dealId}`,
    `/${slug}/personnel`,
    `/${slug}/activity`,
    `/${slug}/projects`,
    projectPath,
    `${projectPath}?view=list`,
    `/${slug}/tasks`,
    `/${slug}/reminders`,
    `/${slug}/quotes`,
    `/${slug}/outbox`,
    `/${slug}/notifications`,
    `/${slug}/settings`,
    `/${slug}/business`,
    `/${slug}/business/edit`,
    `/${slug}/settings/pipelines`,
    `/account`,
  ];

  let current = '';
  const problems: Problem[] = [];
  watch(page, problems, () => current);
  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    for (const path of paths) {
      current = `${path} @${size.width}`;
      await test.step(current, async () => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        // Hydration runs after the load (the event stream keeps the network busy) and reports its
        // errors as it goes: wait until every streamed part is in and the browser has run out of work.
        await expect.poll(() => page.evaluate(() => document.readyState === 'complete' && document.querySelector('div[hidden][id^="S:"]') === null)).toBe(true);
        await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve))));
      });
    }
  }
  expect(problems).toEqual([]);
});
