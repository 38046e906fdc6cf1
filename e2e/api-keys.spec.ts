import { expect, request, test } from '@playwright/test';
import { APP_URL } from './support/env';
import { chooseOption, field, ownerWithBusiness, t, toast } from './support/app';

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

test('an owner makes an API key, a program uses it, and after revoking it the next call gets 401', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_URL });
  const page = await context.newPage();
  const { owner, slug } = await ownerWithBusiness(page, 'Kaya Muhasebe', 'api-owner');
  const keyName = 'Muhasebe entegrasyonu';
  let key = '';

  await test.step('create a key in the settings; it is shown once and copied', async () => {
    await page.goto(`/${slug}/settings/api-keys`);
    await expect(page.getByText(tr('apiKeys.empty')).filter({ visible: true })).toBeVisible();
    await page.getByRole('button', { name: tr('apiKeys.new') }).click();
    await field(page, tr('apiKeys.name')).fill(keyName);
    await chooseOption(page, tr('apiKeys.role'), tr('roles.viewer'));
    await page.getByRole('button', { name: tr('common.create') }).click();
    await expect(toast(page, tr('apiKeys.created', { name: keyName }))).toBeVisible();
    const dialog = page.getByRole('dialog', { name: tr('apiKeys.yourKey') });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: tr('apiKeys.copy') }).click();
    key = await page.evaluate(() => navigator.clipboard.readText());
    expect(key).toMatch(/^tzg_/);
    await expect(dialog.getByTestId('new-api-key')).toHaveText(key);
    await dialog.getByRole('button', { name: tr('apiKeys.done') }).click();
    await expect(dialog).toBeHidden();
    // The list shows only the key's prefix from now on.
    const row = page.getByRole('row').filter({ hasText: keyName });
    await expect(row).toContainText(tr('apiKeys.active'));
    await expect(row).not.toContainText(key);
  });

  // A program with nothing but the key: no cookies of the browser.
  const program = await request.newContext({ baseURL: APP_URL });

  await test.step('a program lists the personnel with the key', async () => {
    const response = await program.get('/api/v1/personnel', { headers: { authorization: `Bearer ${key}` } });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { data: { name: string; role: string }[]; nextCursor: string | null };
    expect(body.data).toEqual([expect.objectContaining({ name: owner.name, role: 'owner' })]);
    // A viewer key reads but does not write.
    const refused = await program.post('/api/v1/personnel', {
      headers: { authorization: `Bearer ${key}` },
      data: { name: 'Yetkisiz Kişi', role: 'member' },
    });
    expect(refused.status()).toBe(403);
  });

  await test.step('the settings show that the key was used', async () => {
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: keyName })).not.toContainText(tr('apiKeys.notUsed'));
  });

  await test.step('revoke the key after confirming; the next call gets 401', async () => {
    const row = page.getByRole('row').filter({ hasText: keyName });
    await row.getByRole('button', { name: tr('apiKeys.revoke') }).click();
    await page.getByTestId('confirm-delete').click();
    await expect(toast(page, tr('apiKeys.revoked'))).toBeVisible();
    await expect(row).toContainText(tr('apiKeys.revokedStatus'));
    const response = await program.get('/api/v1/personnel', { headers: { authorization: `Bearer ${key}` } });
    expect(response.status()).toBe(401);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBeTruthy();
  });

  await program.dispose();
  await context.close();
});
