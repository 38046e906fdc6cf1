import { Stack } from '@mantine/core';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getBusiness } from '@/modules/businesses';
import { BusinessEditor } from '@/modules/businesses/ui';

/** The business's edit page: the same editor as the settings tab, reached from the business page. */
export default async function EditBusinessPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'business', 'update')) notFound();
  const business = await getBusiness(getDb(), ctx);
  const t = await getTranslations('businesses');
  return (
    <Stack gap="lg" maw={760}>
      <AnchorLink href={`/${slug}/business`} size="sm">
        ← {business.name}
      </AnchorLink>
      <PageHeader title={t('page.editTitle')} />
      <BusinessEditor slug={slug} business={business} editable />
    </Stack>
  );
}
