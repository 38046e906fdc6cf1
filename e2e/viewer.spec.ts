import { expect, test, type APIRequestContext, type Request } from '@playwright/test';
import {
  addPerson,
  detailValue,
  field,
  fillPersonnelForm,
  fillSignUp,
  heading,
  newAccount,
  ownerWithBusiness,
  t,
  toast,
  visit,
} from './support/app';
import { linkIn, waitForMail } from './support/mail';

const tr = (key: string, values?: Record<string, string | number>) => t('tr', key, values);

/** A Server Action call as the owner's browser sent it, to be sent again by someone else. */
type CapturedAction = { url: string; headers: Record<string, string>; body: string };

async function capture(request: Request): Promise<CapturedAction> {
  const body = request.postData();
  if (!body) throw new Error('The Server Action request had no body');
  return { url: request.url(), headers: await request.allHeaders(), body };
}

/**
 * Sends a captured Server Action again through `api` (whose own cookies are used, not the
 * captured ones), with the personnel update's `title` and `version` replaced.
 */
async function replay(
  api: APIRequestContext,
  action: CapturedAction,
  changes: { title: string; version: number },
  { withOrigin }: { withOrigin: boolean },
): Promise<string> {
  const headers = Object.fromEntries(
    Object.entries(action.headers).filter(([name]) => {
      const lower = name.toLowerCase();
      if (['cookie', 'content-length', 'host', 'connection'].includes(lower) || lower.startsWith(':')) return false;
      return withOrigin || lower !== 'origin';
    }),
  );
  // The arguments travel as a JSON array: [slug, fields].
  const args = JSON.parse(action.body) as [string, Record<string, unknown>];
  args[1] = { ...args[1], ...changes };
  const response = await api.post(action.url, { headers, data: JSON.stringify(args), maxRedirects: 0 });
  return response.text();
}

test('a viewer joins by invitation, sees no way to change anything, and a forged request is refused', async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  const businessName = "Deniz'in Fırını";
  const { owner, slug } = await ownerWithBusiness(ownerPage, businessName, 'viewer-owner');

  const viewer = newAccount('viewer', 'Elif Şahin');
  let viewerId = '';
  const baker = { name: 'Ali Kaya', title: 'Fırıncı' };
  let bakerId = '';

  await test.step('the owner adds a viewer and sends an invitation e-mail', async () => {
    bakerId = await addPerson(ownerPage, slug, baker);
    viewerId = await addPerson(ownerPage, slug, {
      name: viewer.name,
      email: viewer.email,
      role: tr('roles.viewer'),
      invite: true,
    });
    await expect(ownerPage.getByText(tr('roles.viewer'), { exact: true })).toBeVisible();
    await expect(ownerPage.getByText(tr('personnel.noLogin'), { exact: true })).toBeVisible();
  });

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();

  await test.step('the viewer signs up through the link in the e-mail and joins the business', async () => {
    const mail = await waitForMail(viewer.email);
    const inviteLink = linkIn(mail, '/invite/');
    const invitePath = new URL(inviteLink).pathname;

    await visit(viewerPage, inviteLink);
    await expect(viewerPage.getByText(tr('invite.text', { person: viewer.name, business: businessName }))).toBeVisible();
    await viewerPage.getByRole('link', { name: tr('auth.signUp') }).click();
    await expect(viewerPage).toHaveURL(/\/sign-up\?/);
    // The address comes from the invitation.
    await expect(field(viewerPage, tr('auth.email'))).toHaveValue(viewer.email);
    await fillSignUp(viewerPage, viewer);

    await expect(viewerPage).toHaveURL(new RegExp(`${invitePath}$`));
    await viewerPage.getByRole('button', { name: tr('invite.accept', { business: businessName }) }).click();
    await expect(toast(viewerPage, tr('personnel.invitationAccepted'))).toBeVisible();
    await expect(viewerPage).toHaveURL(new RegExp(`/${slug}$`));
    await expect(heading(viewerPage, tr('dashboard.welcome', { name: viewer.name }))).toBeVisible();
    await expect(viewerPage.getByText(tr('roles.viewer'), { exact: true })).toBeVisible();
  });

  await test.step('the owner sees that the viewer can now sign in', async () => {
    await visit(ownerPage, `/${slug}/personnel/${viewerId}`);
    await expect(ownerPage.getByText(tr('personnel.hasLogin'), { exact: true })).toBeVisible();
  });

  await test.step('the viewer sees no add, edit or delete buttons', async () => {
    await viewerPage.bringToFront();
    await viewerPage.getByRole('navigation').getByRole('link', { name: tr('shell.personnel') }).click();
    await expect(viewerPage).toHaveURL(new RegExp(`/${slug}/personnel$`));
    await expect(viewerPage.getByRole('link', { name: baker.name })).toBeVisible();
    await expect(viewerPage.getByRole('row').filter({ hasText: viewer.name })).toContainText(tr('personnel.you'));
    await expect(viewerPage.getByRole('link', { name: tr('personnel.new') })).toHaveCount(0);

    for (const [id, name] of [
      [bakerId, baker.name],
      [viewerId, viewer.name],
    ] as const) {
      await visit(viewerPage, `/${slug}/personnel/${id}`);
      await expect(heading(viewerPage, name)).toBeVisible();
      await expect(viewerPage.getByRole('link', { name: tr('common.edit') })).toHaveCount(0);
      await expect(viewerPage.getByRole('button', { name: tr('common.edit') })).toHaveCount(0);
      await expect(viewerPage.getByRole('button', { name: tr('common.delete') })).toHaveCount(0);
      await expect(viewerPage.getByRole('button', { name: tr('personnel.resendInvite') })).toHaveCount(0);
    }
  });

  await test.step('the settings are read-only for the viewer', async () => {
    await visit(viewerPage, `/${slug}/settings`);
    await expect(heading(viewerPage, tr('shell.settings'))).toBeVisible();
    await expect(viewerPage.getByText(tr('businesses.readOnly'))).toBeVisible();
    await expect(field(viewerPage, tr('businesses.name'))).toHaveValue(businessName);
    await expect(field(viewerPage, tr('businesses.name'))).toBeDisabled();
    await expect(field(viewerPage, tr('businesses.sector'))).toBeDisabled();
    await expect(viewerPage.getByRole('button', { name: tr('common.save') })).toHaveCount(0);
    await expect(viewerPage.getByRole('button', { name: tr('businesses.deleteButton') })).toHaveCount(0);
  });

  await test.step('the edit and new-person addresses answer the not-found page', async () => {
    await visit(viewerPage, `/${slug}/personnel/${bakerId}/edit`);
    await expect(heading(viewerPage, tr('errors.notFoundTitle'))).toBeVisible();
    await expect(viewerPage.getByRole('button', { name: tr('common.save') })).toHaveCount(0);
    await visit(viewerPage, `/${slug}/personnel/new`);
    await expect(heading(viewerPage, tr('errors.notFoundTitle'))).toBeVisible();
  });

  let action: CapturedAction | undefined;
  await test.step("the owner's browser saves an edit (its request is recorded)", async () => {
    await visit(ownerPage, `/${slug}/personnel/${bakerId}/edit`);
    await fillPersonnelForm(ownerPage, { title: 'Usta Fırıncı' });
    const saved = ownerPage.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined);
    await ownerPage.getByRole('button', { name: tr('common.save') }).click();
    action = await capture(await saved);
    await expect(toast(ownerPage, tr('personnel.updated', { name: baker.name }))).toBeVisible();
    await expect(detailValue(ownerPage, tr('personnel.jobTitle'))).toHaveText('Usta Fırıncı');
    expect(action.headers['origin']).toBe(new URL(ownerPage.url()).origin);
  });

  // The recorded edit ran with version 1, so the record is at version 2 now: the forgeries
  // below carry that version, so only the permission and origin checks can stop them.
  const current = { version: 2 };

  await test.step("the same request with the viewer's cookies is refused", async () => {
    const body = await replay(viewerContext.request, action!, { title: 'Sahte Unvan', ...current }, { withOrigin: true });
    expect(body).toContain('"ok":false');
    expect(body).toContain('FORBIDDEN');
    await ownerPage.reload();
    await expect(detailValue(ownerPage, tr('personnel.jobTitle'))).toHaveText('Usta Fırıncı');
  });

  await test.step("the same request with the owner's cookies but no Origin is refused", async () => {
    const body = await replay(ownerContext.request, action!, { title: 'Sahte Unvan', ...current }, { withOrigin: false });
    expect(body).toContain('"ok":false');
    expect(body).toContain('FORBIDDEN');
    await ownerPage.reload();
    await expect(detailValue(ownerPage, tr('personnel.jobTitle'))).toHaveText('Usta Fırıncı');
  });

  await test.step('the replay itself is sound: with the owner and the Origin it goes through', async () => {
    const body = await replay(ownerContext.request, action!, { title: 'Baş Fırıncı', ...current }, { withOrigin: true });
    expect(body).toContain('"ok":true');
    await ownerPage.reload();
    await expect(detailValue(ownerPage, tr('personnel.jobTitle'))).toHaveText('Baş Fırıncı');
  });

  await test.step('the owner is still the only one who can change things', async () => {
    await visit(ownerPage, `/${slug}/personnel`);
    await expect(ownerPage.getByRole('row').filter({ hasText: owner.name })).toContainText(tr('roles.owner'));
    await expect(ownerPage.getByRole('row').filter({ hasText: viewer.name })).toContainText(tr('roles.viewer'));
  });

  await viewerContext.close();
  await ownerContext.close();
});
