import { Paper, Stack } from '@mantine/core';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { isUuid } from '@/lib/ids';
import { PageHeader } from '@/components/page-header';
import { findOwnerOptions, getCompanyOption } from '@/modules/customers';
import { CustomerForm } from '@/modules/customers/ui';

export default async function NewCustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ business: string }>;
  searchParams: Promise<{ company?: string; kind?: string }>;
}) {
  const { business: slug } = await params;
  const { company, kind } = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'customers', 'create')) notFound();
  const db = getDb();
  const t = await getTranslations('customers');
  // "Add a person" on a company's profile comes here with the company chosen.
  const initialCompany = typeof company === 'string' && isUuid(company) ? await getCompanyOption(db, ctx, company) : null;
  const owners = await findOwnerOptions(db, ctx);
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('newTitle')} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
        <CustomerForm
          slug={slug}
          owners={owners}
          initialCompany={initialCompany}
          initial={{
            kind: kind === 'company' ? 'company' : 'person',
            companyId: initialCompany?.id ?? '',
            ownerId: ctx.personnelId,
          }}
        />
      </Paper>
    </Stack>
  );
}
