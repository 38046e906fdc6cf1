import { Paper, Stack, Text } from '@mantine/core';
import { getTranslations } from 'next-intl/server';
import type { BusinessDetails } from '../queries';
import { BusinessForm } from './business-form';
import { BusinessLogo } from './business-logo';

/** The logo and the details form of a business (read-only for who may not change them): the settings tab and the business's edit page. */
export async function BusinessEditor({ slug, business, editable }: { slug: string; business: BusinessDetails; editable: boolean }) {
  const t = await getTranslations('businesses');
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
      <Stack gap="md">
        <BusinessLogo slug={slug} name={business.name} logoUrl={business.logoPath ? `/${slug}/logo?v=${business.version}` : null} editable={editable} />
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
  );
}
