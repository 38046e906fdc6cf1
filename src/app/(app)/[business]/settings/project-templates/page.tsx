import { notFound } from 'next/navigation';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can, scopeOf } from '@/lib/permissions';
import { findProjectTemplates } from '@/modules/projects';
import { TemplateManager } from '@/modules/projects/ui';

export default async function ProjectTemplatesPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'pipelines', 'read')) notFound();
  const templates = await findProjectTemplates(getDb(), ctx);
  return <TemplateManager slug={slug} templates={templates.map((t) => ({ id: t.id, name: t.name, tasks: t.tasks, version: t.version }))} canEdit={scopeOf(ctx.role, 'pipelines', 'update') === 'all'} />;
}
