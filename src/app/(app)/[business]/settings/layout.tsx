import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { SettingsTabs } from '@/components/settings-tabs';
import { PageHeader } from '@/components/page-header';

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  const t = await getTranslations();
  const base = `/${slug}/settings`;
  const tabs = [
    { key: 'business', href: base, label: t('businesses.detailsSection') },
    ...(can(ctx.role, 'pipelines', 'read') ? [{ key: 'pipelines', href: `${base}/pipelines`, label: t('deals.settings.tab') }] : []),
    ...(can(ctx.role, 'templates', 'read') ? [{ key: 'templates', href: `${base}/templates`, label: t('interactions.templates.title') }] : []),
    ...(can(ctx.role, 'pipelines', 'read') ? [{ key: 'project-templates', href: `${base}/project-templates`, label: t('projects.templates.title') }] : []),
    ...(can(ctx.role, 'apiKeys', 'read') ? [{ key: 'api-keys', href: `${base}/api-keys`, label: t('apiKeys.title') }] : []),
    ...(can(ctx.role, 'auditLog', 'read') ? [{ key: 'audit', href: `${base}/audit`, label: t('audit.title') }] : []),
    { key: 'api', href: `${base}/api`, label: t('apiKeys.docs') },
  ];
  return (
    <>
      <PageHeader title={t('shell.settings')} />
      <SettingsTabs tabs={tabs} />
      {children}
    </>
  );
}
