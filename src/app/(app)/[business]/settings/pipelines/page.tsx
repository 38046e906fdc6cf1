import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { ensureDefaultPipeline, listPipelines, listProjectTemplateOptions } from '@/modules/deals';
import { PipelineSettings } from '@/modules/deals/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('deals'))('settings.title') };
}

export default async function PipelinesSettingsPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'pipelines', 'read')) notFound();
  const db = getDb();
  await ensureDefaultPipeline(db, ctx);
  const [pipelines, templates] = await Promise.all([listPipelines(db, ctx), listProjectTemplateOptions(db, ctx)]);
  return (
    <PipelineSettings
      slug={slug}
      canEdit={can(ctx.role, 'pipelines', 'update')}
      templates={templates.map((x) => ({ value: x.id, label: x.name }))}
      pipelines={pipelines.map((p) => ({ id: p.id, name: p.name, version: p.version, projectTemplateId: p.projectTemplate?.id ?? null, stages: p.stages }))}
    />
  );
}
