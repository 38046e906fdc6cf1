import { Paper, Stack } from '@mantine/core';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { isAppError } from '@/lib/errors';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { findOwnerOptions, getCustomer } from '@/modules/customers';
import { CustomerForm } from '@/modules/customers/ui';

export default async function EditCustomerPage({ params }: { params: Promise<{ business: string; id: string }> }) {
  const { business: slug, id } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'customers', 'update')) notFound();
  const db = getDb();
  const customer = await getCustomer(db, ctx, id).catch((err) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const t = await getTranslations('customers');
  const owners = await findOwnerOptions(db, ctx);
  const c = customer;
  return (
    <Stack gap="lg" maw={860}>
      <AnchorLink href={`/${slug}/customers/${c.id}`} size="sm">
        ← {c.name}
      </AnchorLink>
      <PageHeader title={t('editTitle', { name: c.name })} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
        <CustomerForm
          slug={slug}
          owners={owners}
          edit={{ id: c.id, version: c.version }}
          initialCompany={c.companyId && c.companyName ? { id: c.companyId, name: c.companyName } : null}
          initial={{
            kind: c.kind,
            name: c.name,
            companyId: c.companyId ?? '',
            jobTitle: c.jobTitle ?? '',
            emails: c.emails,
            phones: c.phones,
            address: c.address ?? '',
            city: c.city ?? '',
            country: c.country ?? '',
            taxNumber: c.taxNumber ?? '',
            taxOffice: c.taxOffice ?? '',
            source: c.source ?? '',
            status: c.status,
            ownerId: c.ownerId ?? '',
            birthday: c.birthday ?? '',
            notes: c.notes ?? '',
            emailConsent: c.emailConsent,
            emailConsentSource: c.emailConsentSource ?? '',
            smsConsent: c.smsConsent,
            smsConsentSource: c.smsConsentSource ?? '',
          }}
        />
      </Paper>
    </Stack>
  );
}
