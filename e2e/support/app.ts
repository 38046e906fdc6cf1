import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import { createTranslator } from 'next-intl';
import { MESSAGES } from '../../src/i18n/messages';

export type Locale = 'tr' | 'en';

type Messages = { [key: string]: string | Messages };

function messages(locale: Locale): Messages {
  return MESSAGES[locale] as unknown as Messages;
}

/**
 * A message of the app in one language, with `{name}` placeholders filled in. The journeys read
 * the app's own message files, so rewording a label does not break them while a missing or
 * untranslated text still does (the page would not show this text).
 */
export function t(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  let node: string | Messages | undefined = messages(locale);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`No message ${key} in the ${locale} messages`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * A message with ICU arguments (`{count, plural, ...}`, `{rows, number}`) formatted as the app
 * formats it, for the texts that `t`'s plain placeholder filling cannot produce.
 */
export function formatted(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  return createTranslator({ locale, messages: MESSAGES[locale] })(key as never, values as never);
}

/** A fresh address per call, so runs and journeys never share an account. */
export function uniqueEmail(who: string): string {
  return `${who}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@tezgah.test`;
}

/** Long and unusual enough for the app's password rules. */
export const PASSWORD = 'Kestane-Kebap-2026!';

export type Account = { name: string; email: string; password: string };

export function newAccount(who: string, name: string): Account {
  return { name, email: uniqueEmail(who), password: PASSWORD };
}

/** The toast (a Mantine notification, role alert) that shows `text`. */
export function toast(page: Page, text: string): Locator {
  return page.getByRole('alert').filter({ hasText: text });
}

/** A text field by its label's exact accessible name (Mantine adds a hidden "*" to required labels). */
export function field(page: Page, label: string): Locator {
  return page.getByRole('textbox', { name: label, exact: true });
}

export function heading(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

export async function signUp(page: Page, account: Account, locale: Locale = 'tr'): Promise<void> {
  await page.goto('/sign-up');
  await fillSignUp(page, account, locale);
}

/** Fills and sends the sign-up form on the current page. */
export async function fillSignUp(page: Page, account: Account, locale: Locale = 'tr'): Promise<void> {
  await field(page, t(locale, 'auth.name')).fill(account.name);
  const email = field(page, t(locale, 'auth.email'));
  if ((await email.inputValue()) !== account.email) await email.fill(account.email);
  await field(page, t(locale, 'auth.password')).fill(account.password);
  await page.getByRole('button', { name: t(locale, 'auth.signUp') }).click();
}

export async function signIn(page: Page, email: string, password: string, locale: Locale = 'tr'): Promise<void> {
  await field(page, t(locale, 'auth.email')).fill(email);
  await field(page, t(locale, 'auth.password')).fill(password);
  await page.getByRole('button', { name: t(locale, 'auth.signIn'), exact: true }).click();
}

/** On the first-business screen: creates the business and returns its slug from the URL it lands on. */
export async function createFirstBusiness(page: Page, name: string, locale: Locale = 'tr'): Promise<string> {
  await expect(heading(page, t(locale, 'dashboard.firstBusinessTitle'))).toBeVisible();
  await field(page, t(locale, 'businesses.name')).fill(name);
  await page.getByRole('button', { name: t(locale, 'common.create') }).click();
  await expect(toast(page, t(locale, 'businesses.created', { name }))).toBeVisible();
  await expect(page).not.toHaveURL(/\/dashboard$/);
  const slug = new URL(page.url()).pathname.split('/')[1];
  if (!slug) throw new Error(`Creating a business landed on ${page.url()}`);
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  return slug;
}

/** A new owner with a first business, on that business's dashboard. */
export async function ownerWithBusiness(page: Page, businessName: string, who = 'owner'): Promise<{ owner: Account; slug: string }> {
  const owner = newAccount(who, 'Ayşe Yılmaz');
  await signUp(page, owner);
  await expect(page).toHaveURL(/\/dashboard$/);
  const slug = await createFirstBusiness(page, businessName);
  return { owner, slug };
}

/**
 * Picks a file in the page's upload field. A file chosen before React has hydrated the page is
 * lost (the field's state never hears of it), so the choice is repeated until the upload button
 * accepts it.
 */
export async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, uploadLabel: string): Promise<void> {
  await expect(async () => {
    await page.locator('input[type=file]').setInputFiles(file);
    await expect(page.getByRole('button', { name: uploadLabel })).toBeEnabled({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Chooses an option of a Mantine Select by the field's label. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('combobox', { name: label, exact: true })).toHaveValue(option);
}

/** Fills the personnel form on the current page (new or edit); unset fields stay as they are. */
export async function fillPersonnelForm(
  page: Page,
  fields: { name?: string; email?: string; title?: string; department?: string; role?: string; invite?: boolean },
  locale: Locale = 'tr',
): Promise<void> {
  if (fields.name !== undefined) await field(page, t(locale, 'personnel.name')).fill(fields.name);
  if (fields.email !== undefined) await field(page, t(locale, 'personnel.email')).fill(fields.email);
  if (fields.title !== undefined) await field(page, t(locale, 'personnel.jobTitle')).fill(fields.title);
  if (fields.department !== undefined) await field(page, t(locale, 'personnel.department')).fill(fields.department);
  if (fields.role !== undefined) await chooseOption(page, t(locale, 'personnel.role'), fields.role);
  if (fields.invite) await page.getByRole('checkbox', { name: t(locale, 'personnel.invite') }).check();
}

/** Adds a person from the personnel list and waits for their detail page; returns the record's id. */
export async function addPerson(
  page: Page,
  slug: string,
  fields: { name: string; email?: string; title?: string; department?: string; role?: string; invite?: boolean },
  locale: Locale = 'tr',
): Promise<string> {
  await page.goto(`/${slug}/personnel`);
  await page.getByRole('link', { name: t(locale, 'personnel.new') }).first().click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/personnel/new$`));
  await fillPersonnelForm(page, fields, locale);
  await page.getByRole('button', { name: t(locale, 'common.create') }).click();
  const message = fields.invite ? 'personnel.createdAndInvited' : 'personnel.created';
  await expect(toast(page, t(locale, message, { name: fields.name }))).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/${slug}/personnel/[0-9a-f-]{36}$`));
  await expect(heading(page, fields.name)).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** The detail page's value of a field, found by its label. */
export function detailValue(page: Page, label: string): Locator {
  return page.getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]');
}

/**
 * Opens `path` in `page` after bringing it to the front. Chromium gives a window in the
 * background no animation frames, and React reveals streamed Suspense content in one; a journey
 * that works in two browser contexts would otherwise wait on a page that never shows its content.
 */
export async function visit(page: Page, path: string): Promise<void> {
  await page.bringToFront();
  await page.goto(path);
}

/** Waits until the fonts are in and the browser has painted twice: a screenshot then shows the page as laid out. */
export async function painted(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

const SCREENSHOT_DIR = fileURLToPath(new URL('../../screenshots/', import.meta.url));

/**
 * Screenshots of the page at desktop (1280 px) and phone (390 px) width into screenshots/, as
 * `<prefix>-<width>-<name>.png`, for a person to review (or into `dir`, a folder path ending in
 * `/`); the page is left at desktop width.
 */
export async function screenshotBothWidths(page: Page, prefix: string, name: string, dir = SCREENSHOT_DIR): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await painted(page);
    await page.screenshot({ path: `${dir}${prefix}-${size.width}-${name}.png`, fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
