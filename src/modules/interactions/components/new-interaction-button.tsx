'use client';
import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { CustomerChoice } from './customer-picker';
import { InteractionForm } from './interaction-form';

/** Opens the full interaction form (any type, any customers) in a dialog. */
export function NewInteractionButton({
  slug,
  timeZone,
  personnelOptions,
  selfPersonnelId,
  defaultCustomers,
  variant = 'filled',
}: {
  slug: string;
  timeZone: string;
  personnelOptions: { id: string; name: string }[];
  selfPersonnelId: string;
  defaultCustomers?: CustomerChoice[];
  variant?: 'filled' | 'default';
}) {
  const t = useTranslations('interactions');
  const router = useRouter();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open} variant={variant} data-testid="new-interaction">
        {t('new')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('new')} size="lg">
        {opened && (
          <InteractionForm
            slug={slug}
            timeZone={timeZone}
            personnelOptions={personnelOptions}
            selfPersonnelId={selfPersonnelId}
            defaultCustomers={defaultCustomers}
            onDone={() => {
              close();
              router.refresh();
            }}
          />
        )}
      </Modal>
    </>
  );
}
