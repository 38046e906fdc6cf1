import { Stack } from '@mantine/core';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can, canDeleteBusiness } from '@/lib/permissions';
import { getBusiness } from '@/modules/businesses';
import { BusinessEditor, DeleteBusiness } from '@/modules/businesses/ui';

export default async function SettingsPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  const business = await getBusiness(getDb(), ctx);
  return (
    <Stack gap="lg" maw={760}>
      <BusinessEditor slug={slug} business={business} editable={can(ctx.role, 'business', 'update')} />
      {canDeleteBusiness(ctx.role) && <DeleteBusiness slug={slug} name={business.name} />}
    </Stack>
  );
}
