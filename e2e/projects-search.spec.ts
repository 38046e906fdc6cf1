import { expect, test, type Page } from '@playwright/test';
import { heading, ownerWithBusiness, screenshotBothWidths, t, type Locale } from './support/app';
import { insertCustomer, insertProjects } from './support/db';
import { fileURLToPath } from 'node:url';

/*
 * Searching and filtering projects (issue 12, parts 1 and 5): "YENİLEME" finds "Web Sitesi
 * Yenileme", a status and customer filter, the list view sorted by its name header, keyset paging
 * through 60 projects, the same search in the API and the customers API sorted by name. Screenshots
 * at 1280 and 390 px in both languages go to docs/screenshots/projects-search/.
 */

const SHOTS = fileURLToPath(new URL('../docs/screenshots/projects-search/', import.meta.url));

const shoot = (page: Page, locale: Locale, name: string) => screenshotBothWidths(page, locale, name, SHOTS);

const cardNames = (page: Page) => page.getByTestId('project-card').locator('a').first();

test('projects: search in Turkish, filter by status and customer, sort the list, page through it; the API too', async ({ page }) => {
  test.setTimeout(240_000);
  const { slug } = await ownerWithBusiness(page, 'Arama Atölyesi', 'projects-search');
  const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);
  const isik = await insertCustomer(slug, { name: 'Işık Tekstil' });
  const camlica = await insertCustomer(slug, { name: 'Çamlıca Gıda' });
  await insertProjects(slug, [
    { name: 'Web Sitesi Yenileme', customerId: isik, status: 'active', endDate: '2026-03-10' },
    { name: 'Logo Çalışması', customerId: camlica, status: 'active', endDate: '2026-01-05' },
    { name: 'Şube Açılışı', customerId: isik, status: 'on_hold' },
    ...Array.from({ length: 57 }, (_, i) => ({ name: `Arşiv Projesi ${String(i + 1).padStart(2, '0')}`, status: 'done', endDate: '2025-06-01' })),
  ]);

  await test.step('search "YENİLEME" finds "Web Sitesi Yenileme"', async () => {
    await page.goto(`/${slug}/projects`);
    await expect(heading(page, tr('projects.title'))).toBeVisible();
    await page.getByTestId('project-search').fill('YENİLEME');
    await expect(page).toHaveURL(/[?&]q=YEN/);
    await expect(page.getByTestId('project-card')).toHaveCount(1);
    await expect(cardNames(page)).toHaveText('Web Sitesi Yenileme');
    await shoot(page, 'tr', '01-search');
    // The customer's name finds its projects too.
    await page.getByTestId('project-search').fill('ışık');
    await expect(page.getByTestId('project-card')).toHaveCount(2);
    await page.getByTestId('project-search').fill('');
    await expect(page).not.toHaveURL(/[?&]q=/);
  });

  await test.step('filter by status "Active" and customer "Işık Tekstil"', async () => {
    await page.getByTestId('project-filter-status').click();
    await page.getByRole('option', { name: tr('projects.statuses.active'), exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/[?&]status=active/);
    await expect(page.getByTestId('project-card')).toHaveCount(2);
    const customer = page.getByTestId('project-filter-customer');
    await customer.fill('isik');
    await page.getByRole('option', { name: 'Işık Tekstil', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]customerId=${isik}`));
    await expect(page.getByTestId('project-card')).toHaveCount(1);
    await expect(cardNames(page)).toHaveText('Web Sitesi Yenileme');
    await shoot(page, 'tr', '02-filters');
    // A reload keeps the filters: they live in the URL.
    await page.reload();
    await expect(page.getByTestId('project-card')).toHaveCount(1);
    await page.getByTestId('project-filters-clear').click();
    await expect(page).not.toHaveURL(/status=|customerId=/);
  });

  await test.step('the list view, sorted by name in Turkish order, both ways', async () => {
    await page.getByTestId('project-view').locator('label', { hasText: tr('projects.views.list') }).click();
    await expect(page).toHaveURL(/[?&]view=list/);
    await expect(page.getByTestId('project-table')).toBeVisible();
    await page.getByTestId('project-sort-name').click();
    await expect(page).toHaveURL(/[?&]sort=name/);
    const rows = page.getByTestId('project-row');
    await expect(rows.first()).toContainText('Arşiv Projesi 01');
    await expect(page.getByTestId('project-table').locator('th[aria-sort="ascending"]')).toHaveCount(1);
    await page.getByTestId('project-sort-name').click();
    await expect(page).toHaveURL(/[?&]sort=-name/);
    // Descending: W, Ş (after S in Turkish), L, then the archive.
    await expect(rows.nth(0)).toContainText('Web Sitesi Yenileme');
    await expect(rows.nth(1)).toContainText('Şube Açılışı');
    await expect(rows.nth(2)).toContainText('Logo Çalışması');
    await shoot(page, 'tr', '03-list-sorted');
  });

  await test.step('keyset paging: 48 a page, the next page, back to the first', async () => {
    await page.getByTestId('project-sort-name').click();
    await expect(page).toHaveURL(/[?&]sort=name(&|$)/);
    const rows = page.getByTestId('project-row');
    await expect(rows).toHaveCount(48);
    await page.getByTestId('list-next-page').click();
    await expect(page).toHaveURL(/[?&]cursor=/);
    await expect(rows).toHaveCount(12);
    await expect(rows.last()).toContainText('Web Sitesi Yenileme');
    await expect(page.getByTestId('list-next-page')).toHaveCount(0);
    await page.getByTestId('list-first-page').click();
    await expect(page).not.toHaveURL(/cursor=/);
    await expect(rows).toHaveCount(48);
  });

  await test.step('the API: the same search and filters, customers sorted by name', async () => {
    const answers = await page.evaluate(async (customerId) => {
      const get = async (path: string) => {
        const res = await fetch(path);
        return { status: res.status, body: (await res.json()) as { data?: { name: string }[]; error?: { fields?: Record<string, unknown> } } };
      };
      return {
        search: await get('/api/v1/projects?search=YEN%C4%B0LEME'),
        filtered: await get(`/api/v1/projects?status=active&customerId=${customerId}&sort=name`),
        customers: await get('/api/v1/customers?sort=-name'),
        badSort: await get('/api/v1/customers?sort=age'),
      };
    }, isik);
    expect(answers.search.body.data?.map((p) => p.name)).toEqual(['Web Sitesi Yenileme']);
    expect(answers.filtered.body.data?.map((p) => p.name)).toEqual(['Web Sitesi Yenileme']);
    expect(answers.customers.body.data?.map((c) => c.name)).toEqual(['Işık Tekstil', 'Çamlıca Gıda']);
    expect(answers.badSort.status).toBe(400);
    expect(answers.badSort.body.error?.fields).toHaveProperty('sort');
  });

  await test.step('tasks: search, a priority filter and the order, on "my tasks" and from a project', async () => {
    const made = await page.evaluate(async () => {
      // A project made in the app, with its board's columns (the ones above were written directly).
      const created = await fetch('/api/v1/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Mağaza Kurulumu', status: 'planned' }) });
      if (created.status !== 201) return `POST /projects answered ${created.status}`;
      const projectId = ((await created.json()) as { id: string }).id;
      for (const task of [
        { title: 'Ana sayfa tasarımı', projectId, priority: 'high', dueAt: '2026-03-01 09:00' },
        { title: 'İçerik girişi', projectId, priority: 'low', dueAt: '2026-03-05 09:00' },
        { title: 'Fatura kes', priority: 'urgent' },
      ]) {
        const res = await fetch('/api/v1/tasks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(task) });
        if (res.status !== 201) return `POST /tasks answered ${res.status}`;
      }
      return projectId;
    });
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    await page.goto(`/${slug}/tasks?assignee=any`);
    await page.getByTestId('task-search').fill('ICERIK');
    await expect(page.getByTestId('task-row')).toHaveCount(1);
    await expect(page.getByTestId('task-row')).toContainText('İçerik girişi');
    await page.getByTestId('task-search').fill('');
    await expect(page.getByTestId('task-row')).toHaveCount(3);
    await page.getByTestId('task-filter-priority').click();
    await page.getByRole('option', { name: tr('tasks.priorities.urgent'), exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('task-row')).toHaveCount(1);
    await expect(page.getByTestId('task-row')).toContainText('Fatura kes');
    // A project's tasks: the board's "search and filter" opens the list limited to the project.
    await page.goto(`/${slug}/projects/${made}`);
    await page.getByTestId('project-task-search').click();
    await expect(page.getByTestId('task-filter-project')).toBeVisible();
    await expect(page.getByTestId('task-row')).toHaveCount(2);
    await page.getByTestId('list-sort').click();
    await page.getByRole('option', { name: tr('tasks.list.sorts.priority'), exact: true }).click();
    await expect(page).toHaveURL(/[?&]sort=priority/);
    await page.getByTestId('list-sort-dir').click();
    await expect(page).toHaveURL(/[?&]sort=-priority/);
    await expect(page.getByTestId('task-row').first()).toContainText('Ana sayfa tasarımı');
    await shoot(page, 'tr', '06-project-tasks');
  });

  await test.step('the same page in English, filtered, at both widths', async () => {
    await page.goto(`/${slug}/projects?status=active,on_hold&view=list&sort=due`);
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: page.url() }]);
    await page.reload();
    await expect(heading(page, t('en', 'projects.title'))).toBeVisible();
    await expect(page.getByTestId('project-row')).toHaveCount(3);
    await shoot(page, 'en', '04-list-filtered');
    await page.goto(`/${slug}/projects?q=zzzz`);
    await expect(page.getByText(t('en', 'projects.list.noMatch'))).toBeVisible();
    await shoot(page, 'en', '05-no-match');
  });
});
