import { expect, type Page } from '@playwright/test';
import { heading, t, toast, visit } from './app';

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

/** A column of a project's task board, by its status name. */
export const taskColumn = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
// Visible cards only: while a page streams in or refreshes, a hidden copy of the board can be in the DOM.
export const taskCard = (page: Page, title: string) => page.locator('[data-card]').filter({ hasText: title, visible: true });

/** Adds a task from a column's + on the board that is open, and waits for its card. */
export async function addTaskToColumn(page: Page, columnName: string, title: string): Promise<void> {
  await taskColumn(page, columnName).getByRole('button', { name: tr('tasks.addToColumn', { column: columnName }) }).click();
  await page.getByTestId('quick-add-title').fill(title);
  await page.getByTestId('quick-add-submit').click();
  await expect(toast(page, tr('tasks.created', { title }))).toBeVisible();
  await expect(taskColumn(page, columnName).locator('[data-card]').filter({ hasText: title })).toBeVisible();
}

/** Opens a task from its project's board and assigns it to `person` on its page; stays there. */
export async function assignTaskFromBoard(page: Page, boardPath: string, title: string, person: string): Promise<void> {
  await visit(page, boardPath);
  await taskCard(page, title).getByRole('link', { name: title }).click();
  await expect(heading(page, title)).toBeVisible();
  await page.getByTestId('task-assignees').click();
  await page.getByRole('option', { name: person, exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('task-submit').click();
  await expect(toast(page, tr('tasks.updated', { title }))).toBeVisible();
}
