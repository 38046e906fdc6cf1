import { expect, test } from '@playwright/test';
import {
  addPerson,
  createFirstBusiness,
  detailValue,
  field,
  fillPersonnelForm,
  heading,
  newAccount,
  signUp,
  t,
  toast,
  uniqueEmail,
} from './support/app';

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

test('an owner signs up, opens a business and adds, edits and deletes a person', async ({ page }) => {
  const owner = newAccount('owner', 'Ayşe Yılmaz');
  const businessName = "Ayşe'nin Çiçekçisi";
  let slug = '';

  await test.step('sign up and land on the first-business screen', async () => {
    await signUp(page, owner);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(heading(page, tr('dashboard.firstBusinessTitle'))).toBeVisible();
  });

  await test.step('create a business with Turkish letters in its name', async () => {
    slug = await createFirstBusiness(page, businessName);
    // Turkish letters fold to ASCII in the address.
    expect(slug).toMatch(/^aysenin-cicekcisi(-[a-z0-9]+)?$/);
    await expect(heading(page, tr('dashboard.welcome', { name: owner.name }))).toBeVisible();
    await expect(page.getByText(tr('dashboard.lead', { business: businessName }))).toBeVisible();
    await expect(page.getByRole('button', { name: tr('shell.switchBusiness') })).toContainText(businessName);
  });

  await test.step('the personnel list starts with the owner', async () => {
    await page.getByRole('navigation').getByRole('link', { name: tr('shell.personnel') }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/personnel$`));
    await expect(heading(page, tr('personnel.title'))).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: owner.name })).toContainText(tr('roles.owner'));
  });

  const person = { name: 'Mehmet Öztürk', email: uniqueEmail('mehmet'), title: 'Kasiyer', department: 'Mağaza' };
  let personId = '';

  await test.step('add a person', async () => {
    personId = await addPerson(page, slug, person);
    await expect(detailValue(page, tr('personnel.jobTitle'))).toHaveText(person.title);
    await expect(detailValue(page, tr('personnel.department'))).toHaveText(person.department);
    await expect(detailValue(page, tr('personnel.email'))).toHaveText(person.email);
    await expect(page.getByRole('main').getByText(tr('roles.member'), { exact: true })).toBeVisible();
  });

  await test.step('edit the title and the role; the detail page shows them at once', async () => {
    await page.getByRole('link', { name: tr('common.edit') }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/personnel/${personId}/edit$`));
    await expect(heading(page, tr('personnel.editTitle', { name: person.name }))).toBeVisible();
    await fillPersonnelForm(page, { title: 'Kıdemli Kasiyer', role: tr('roles.sales') });
    await page.getByRole('button', { name: tr('common.save') }).click();
    await expect(toast(page, tr('personnel.updated', { name: person.name }))).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${slug}/personnel/${personId}$`));
    await expect(detailValue(page, tr('personnel.jobTitle'))).toHaveText('Kıdemli Kasiyer');
    await expect(page.getByRole('main').getByText(tr('roles.sales'), { exact: true })).toBeVisible();
    await expect(page.getByRole('main').getByText(tr('roles.member'), { exact: true })).toHaveCount(0);

    // The change is stored, not only shown.
    await page.reload();
    await expect(detailValue(page, tr('personnel.jobTitle'))).toHaveText('Kıdemli Kasiyer');
    await expect(page.getByRole('main').getByText(tr('roles.sales'), { exact: true })).toBeVisible();
  });

  await test.step('the list shows the edit too', async () => {
    await page.getByRole('link', { name: `← ${tr('personnel.title')}` }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/personnel$`));
    const row = page.getByRole('row').filter({ hasText: person.name });
    await expect(row).toContainText('Kıdemli Kasiyer');
    await expect(row).toContainText(tr('roles.sales'));
    await row.getByRole('link', { name: person.name }).click();
    await expect(heading(page, person.name)).toBeVisible();
  });

  await test.step('delete the person after confirming', async () => {
    await page.getByRole('button', { name: tr('common.delete') }).click();
    const dialog = page.getByRole('dialog', { name: tr('common.confirmDeleteTitle') });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(tr('personnel.deleteConfirm', { name: person.name }));
    await dialog.getByRole('button', { name: tr('common.delete') }).click();
    await expect(toast(page, tr('personnel.deleted'))).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${slug}/personnel$`));
    await expect(heading(page, tr('personnel.title'))).toBeVisible();
    await expect(page.getByRole('link', { name: person.name })).toHaveCount(0);
    await expect(page.getByRole('row').filter({ hasText: owner.name })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('link', { name: person.name })).toHaveCount(0);
    // Its address answers the not-found page now. (Not its status: the loading skeleton of
    // business pages starts the stream, so the page arrives with 200.)
    await page.goto(`/${slug}/personnel/${personId}`);
    await expect(heading(page, tr('errors.notFoundTitle'))).toBeVisible();
  });

  await test.step('edit the business in settings; the switcher shows the new name at once', async () => {
    await page.goto(`/${slug}`);
    await page.getByRole('navigation').getByRole('link', { name: tr('shell.settings') }).click();
    await expect(page).toHaveURL(new RegExp(`/${slug}/settings$`));
    await expect(heading(page, tr('shell.settings'))).toBeVisible();
    const newName = 'Ayşe’nin Çiçek Bahçesi';
    await field(page, tr('businesses.name')).fill(newName);
    await field(page, tr('businesses.sector')).fill('Çiçekçilik');
    await page.getByRole('button', { name: tr('common.save') }).click();
    await expect(toast(page, tr('businesses.updated'))).toBeVisible();
    const switcher = page.getByRole('button', { name: tr('shell.switchBusiness') });
    await expect(switcher).toContainText(newName);
    await expect(switcher).not.toContainText(businessName);
    // The slug stays, so links and bookmarks keep working.
    await expect(page).toHaveURL(new RegExp(`/${slug}/settings$`));

    await page.reload();
    await expect(field(page, tr('businesses.name'))).toHaveValue(newName);
    await expect(field(page, tr('businesses.sector'))).toHaveValue('Çiçekçilik');
    await page.getByRole('navigation').getByRole('link', { name: tr('shell.dashboard') }).click();
    await expect(page.getByText(tr('dashboard.lead', { business: newName }))).toBeVisible();
  });
});
