'use client';
import { Button, Collapse, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPhonePlus } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { createInteractionAction } from '../actions';
import { CALL_OUTCOMES } from '../schemas';

/**
 * Logging a call in at most three clicks: the button opens a small form already filled with now,
 * this customer and the caller; a click on an outcome saves it (or "Save" saves without one).
 * A note and a duration are optional, behind one more click.
 */
export function LogCallButton({ slug, customer, selfPersonnelId }: { slug: string; customer: { id: string; name: string }; selfPersonnelId: string }) {
  const t = useTranslations('interactions');
  const te = useTranslations('errors');
  const router = useRouter();
  const [opened, { open, close }] = useDisclosure(false);
  const [details, { toggle }] = useDisclosure(false);
  const [direction, setDirection] = useState<'outbound' | 'inbound'>('outbound');
  const [body, setBody] = useState('');
  const [duration, setDuration] = useState<number | string>('');
  const [saving, setSaving] = useState<string | null>(null);
  // "Now" is when the form opened: the call has just ended.
  const [openedAt, setOpenedAt] = useState<Date | null>(null);

  function start() {
    setOpenedAt(new Date());
    setDirection('outbound');
    setBody('');
    setDuration('');
    open();
  }

  async function save(outcome: string | null) {
    setSaving(outcome ?? 'none');
    try {
      const result = await createInteractionAction(slug, {
        type: 'call',
        direction,
        occurredAt: (openedAt ?? new Date()).toISOString(),
        durationMinutes: duration === '' ? null : Number(duration),
        body,
        outcome,
        customerIds: [customer.id],
        personnelIds: [selfPersonnelId],
      });
      notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
      if (result.ok) {
        close();
        router.refresh();
      }
    } catch {
      notifications.show({ color: 'red', message: te('INTERNAL') });
    } finally {
      setSaving(null);
    }
  }

  return (
    <>
      <Button leftSection={<IconPhonePlus size={16} />} onClick={start} data-testid="log-call">
        {t('logCall')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('logCallTitle', { name: customer.name })} size="md">
        <Stack gap="sm">
          <SegmentedControl
            fullWidth
            size="xs"
            value={direction}
            onChange={(v) => setDirection(v as 'outbound' | 'inbound')}
            aria-label={t('direction')}
            data={[
              { value: 'outbound', label: t('directions.outbound') },
              { value: 'inbound', label: t('directions.inbound') },
            ]}
          />
          <Text size="sm" c="dimmed">
            {t('logCallHint')}
          </Text>
          <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs">
            {CALL_OUTCOMES.map((o) => (
              <Button key={o} variant="light" onClick={() => save(o)} loading={saving === o} disabled={saving !== null && saving !== o}>
                {t(`outcomes.${o}`)}
              </Button>
            ))}
          </SimpleGrid>
          <UnstyledButton onClick={toggle} fz="sm" c="teal" style={{ alignSelf: 'flex-start' }}>
            {t('moreDetails')}
          </UnstyledButton>
          <Collapse expanded={details}>
            <Stack gap="xs">
              <Textarea label={t('body')} autosize minRows={2} maxRows={6} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
              <NumberInput label={t('duration')} min={0} max={1440} allowDecimal={false} value={duration} onChange={setDuration} maw={180} />
            </Stack>
          </Collapse>
          <Group justify="flex-end">
            <Button onClick={() => save(null)} loading={saving === 'none'} disabled={saving !== null && saving !== 'none'} variant="default">
              {t('justSave')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
