import { expect, test, type Page } from '@playwright/test';
import { createFirstBusiness, field, heading, newAccount, signIn, signUp, t, toast } from './support/app';
import { linkIn, waitForMail } from './support/mail';

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

function signInUrl(next: string): RegExp {
  const escaped = `/sign-in?next=${encodeURIComponent(next)}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}$`);
}

async function signOutFromMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: tr('shell.userMenu') }).click();
  await page.getByRole('menuitem', { name: tr('auth.signOut') }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: tr('landing.start') })).toBeVisible();
}

test('signed out, private pages lead to sign-in and back; a wrong password is refused; sign-out ends the session', async ({ page }) => {
  const owner = newAccount('redirect', 'Kemal Aydın');
  let slug = '';

  await test.step('an owner with a business signs out', async () => {
    await signUp(page, owner);
    await expect(page).toHaveURL(/\/dashboard$/);
    slug = await createFirstBusiness(page, 'Kuzey Kırtasiye');
    await signOutFromMenu(page);
  });

  await test.step('/dashboard and a deep business address go to sign-in, keeping the address', async () => {
    await page.goto('/dashboard');
    await expect(page).toHaveURL(signInUrl('/dashboard'));
    await expect(page.getByRole('heading', { name: tr('auth.signInTitle') })).toBeVisible();

    const deep = `/${slug}/personnel?q=Kemal`;
    await page.goto(deep);
    await expect(page).toHaveURL(signInUrl(deep));
  });

  await test.step('a wrong password shows the error and stays on sign-in', async () => {
    await signIn(page, owner.email, 'Yanlis-Parola-2026');
    await expect(page.getByRole('alert').filter({ hasText: tr('auth.invalidCredentials') })).toBeVisible();
    await expect(page).toHaveURL(signInUrl(`/${slug}/personnel?q=Kemal`));
  });

  await test.step('signing in returns to the deep address', async () => {
    await signIn(page, owner.email, owner.password);
    await expect(page).toHaveURL(new RegExp(`/${slug}/personnel\\?q=Kemal$`));
    await expect(heading(page, tr('personnel.title'))).toBeVisible();
    await expect(page.getByRole('link', { name: owner.name })).toBeVisible();
  });

  await test.step('sign-out ends the session', async () => {
    await signOutFromMenu(page);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(signInUrl('/dashboard'));
    await page.goto(`/${slug}`);
    await expect(page).toHaveURL(signInUrl(`/${slug}`));
  });

  await test.step('signing in from /dashboard opens the business used last', async () => {
    await page.goto('/dashboard');
    await signIn(page, owner.email, owner.password);
    await expect(page).toHaveURL(new RegExp(`/${slug}$`));
    await expect(heading(page, tr('dashboard.welcome', { name: owner.name }))).toBeVisible();
  });
});

test('a password reset by e-mail sets a new password and signs out the other sessions', async ({ browser }) => {
  const account = newAccount('reset', 'Zeynep Çelik');
  const newPassword = 'Yeni-Papatya-Tarlasi-77';

  // The "old" session: a browser where the user was signed in before the reset.
  const oldContext = await browser.newContext();
  const oldPage = await oldContext.newPage();
  await signUp(oldPage, account);
  await expect(oldPage).toHaveURL(/\/dashboard$/);
  await expect(heading(oldPage, tr('dashboard.firstBusinessTitle'))).toBeVisible();

  const context = await browser.newContext();
  const page = await context.newPage();

  let resetLink = '';
  await test.step('ask for a reset link on /forgot-password', async () => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: tr('auth.forgotPassword') }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    const requestedAt = new Date();
    await field(page, tr('auth.email')).fill(account.email);
    await page.getByRole('button', { name: tr('auth.sendResetLink') }).click();
    await expect(page.getByRole('status').filter({ hasText: tr('auth.resetSent') })).toBeVisible();

    const mail = await waitForMail(account.email, { since: new Date(requestedAt.getTime() - 1000) });
    expect(mail.subject).toContain('şifre sıfırlama');
    resetLink = linkIn(mail, '/api/auth/reset-password/');
    expect(new URL(resetLink).origin).toBe(new URL(page.url()).origin);
  });

  await test.step('the link opens the new-password form; the new password is saved', async () => {
    await page.goto(resetLink);
    await expect(page).toHaveURL(/\/reset-password\?token=/);
    await field(page, tr('auth.newPassword')).fill(newPassword);
    await field(page, tr('auth.confirmPassword')).fill(newPassword);
    await page.getByRole('button', { name: tr('auth.resetTitle') }).click();
    await expect(toast(page, tr('auth.resetDone'))).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  await test.step('the old password no longer works; the new one does', async () => {
    await signIn(page, account.email, account.password);
    await expect(page.getByRole('alert').filter({ hasText: tr('auth.invalidCredentials') })).toBeVisible();
    await signIn(page, account.email, newPassword);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(heading(page, tr('dashboard.firstBusinessTitle'))).toBeVisible();
  });

  await test.step('the reset link is used up', async () => {
    const reused = await context.newPage();
    await reused.goto(resetLink);
    await expect(reused.getByRole('alert').filter({ hasText: tr('auth.resetInvalid') })).toBeVisible();
    await reused.close();
  });

  await test.step('the session signed in before the reset is signed out', async () => {
    await oldPage.goto('/dashboard');
    await expect(oldPage).toHaveURL(signInUrl('/dashboard'));
    await oldPage.reload();
    await expect(oldPage).toHaveURL(signInUrl('/dashboard'));
  });

  await oldContext.close();
  await context.close();
});
