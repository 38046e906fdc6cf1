import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { listTemplates } from '@/modules/interactions';
import { TemplateManager } from '@/modules/interactions/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('interactions'))('templates.title') };
}

export default async function TemplatesPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'templates', 'read')) notFound();
  const templates = await listTemplates(getDb(), ctx);
  return <TemplateManager slug={slug} templates={templates} canWrite={can(ctx.role, 'templates', 'create')} />;
}
