import { Paper, Stack, Text } from '@mantine/core';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can, canDeleteBusiness } from '@/lib/permissions';
import { getBusiness } from '@/modules/businesses';
import { BusinessForm, DeleteBusiness, BusinessLogo } from '@/modules/businesses/ui';

export default async function SettingsPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  const business = await getBusiness(getDb(), ctx);
  const t = await getTranslations('businesses');
  const editable = can(ctx.role, 'business', 'update');
  return (
    <Stack gap="lg" maw={760}>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
        <Stack gap="md">
          <BusinessLogo
            slug={slug}
            name={business.name}
            logoUrl={business.logoPath ? `/${slug}/logo?v=${business.version}` : null}
            editable={editable}
          />
          {!editable && (
            <Text size="sm" c="dimmed">
              {t('readOnly')}
            </Text>
          )}
          <BusinessForm
            readOnly={!editable}
            // The version makes a save over someone else's newer change a conflict, not an overwrite.
            key={business.version}
            edit={{
              slug,
              version: business.version,
              values: {
                name: business.name,
                sector: business.sector ?? '',
                phone: business.phone ?? '',
                email: business.email ?? '',
                address: business.address ?? '',
                taxNumber: business.taxNumber ?? '',
                taxOffice: business.taxOffice ?? '',
                currency: business.currency,
                timeZone: business.timeZone,
                wonDealActivatesCustomer: business.wonDealActivatesCustomer,
              },
            }}
          />
        </Stack>
      </Paper>
      {canDeleteBusiness(ctx.role) && <DeleteBusiness slug={slug} name={business.name} />}
    </Stack>
  );
}
