import { expect, test } from '@playwright/test';
import { field, heading, newAccount, signIn, signUp, t, uniqueEmail } from './support/app';
import { linkIn, waitForMail } from './support/mail';

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

test('wrong passwords lock out only the guessing address for the account, and a sign-in link by e-mail gets in', async ({ browser }) => {
  const account = newAccount('link', 'Leyla Bağcı');
  const signUpContext = await browser.newContext();
  await signUp(await signUpContext.newPage(), account);
  await signUpContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const sent = () => page.getByRole('status').filter({ hasText: tr('auth.signInLinkSent', { minutes: 10 }) });

  await test.step('asking a link for an unknown address answers as for a known one', async () => {
    await page.goto('/sign-in');
    await field(page, tr('auth.email')).fill(uniqueEmail('nobody'));
    await page.getByRole('button', { name: tr('auth.signInLink') }).click();
    await expect(sent()).toBeVisible();
  });

  await test.step('ten wrong passwords from this browser lock it out of the account, even with the right one', async () => {
    await page.goto('/sign-in');
    for (let i = 0; i < 10; i++) {
      await signIn(page, account.email, `Yanlis-Parola-${i}`);
      await expect(page.getByRole('alert').filter({ hasText: tr('auth.invalidCredentials') })).toBeVisible();
    }
    await signIn(page, account.email, account.password);
    await expect(page.getByRole('alert').filter({ hasText: tr('auth.locked') })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  let link = '';
  await test.step('the sign-in link arrives by e-mail and signs in', async () => {
    const since = new Date();
    await page.getByRole('button', { name: tr('auth.signInLink') }).click();
    await expect(sent()).toBeVisible();
    const mail = await waitForMail(account.email, { since, subject: /giriş bağlantısı/ });
    link = linkIn(mail, '/api/auth/magic-link/verify');
    await page.goto(link);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(heading(page, tr('dashboard.firstBusinessTitle'))).toBeVisible();
  });

  await test.step('a used link brings a signed-out visitor back to sign-in with a message', async () => {
    const other = await browser.newContext();
    const reused = await other.newPage();
    await reused.goto(link);
    await expect(reused).toHaveURL(/\/sign-in\?error=/);
    await expect(reused.getByRole('alert').filter({ hasText: tr('auth.signInLinkInvalid') })).toBeVisible();
    await other.close();
  });

  await context.close();
});
