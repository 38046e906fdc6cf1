import { Stack } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { findTags } from '@/modules/customers';
import { TagManager } from '@/modules/customers/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('customers'))('tags.title') };
}

export default async function CustomerTagsPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'tags', 'read')) notFound();
  const t = await getTranslations('customers');
  const tags = await findTags(getDb(), ctx);
  return (
    <Stack gap="md" maw={760}>
      <AnchorLink href={`/${slug}/customers`} size="sm">
        ← {t('title')}
      </AnchorLink>
      <PageHeader title={t('tags.title')} />
      <TagManager
        slug={slug}
        tags={tags}
        can={{ create: can(ctx.role, 'tags', 'create'), update: can(ctx.role, 'tags', 'update'), delete: can(ctx.role, 'tags', 'delete') }}
      />
    </Stack>
  );
}
