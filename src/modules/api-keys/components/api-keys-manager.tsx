'use client';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey, IconPlus } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useActionForm } from '@/components/forms/use-action-form';
import { confirmDelete } from '@/components/forms/confirm';
import { ROLES, type Role } from '@/lib/permissions';
import { createApiKeyAction, revokeApiKeyAction } from '../actions';
import { createApiKeySchema } from '../schemas';
import { useDateSettings } from '@/components/use-date-settings';
import { formatDate } from '@/lib/format-date';
import { DateField } from '@/components/forms/date-field';

export type ApiKeyRow = {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
};

type FormValues = { name: string; role: Role; expiresAt: string };

export function ApiKeysManager({ slug, keys, actorRole, canManage }: { slug: string; keys: ApiKeyRow[]; actorRole: Role; canManage: boolean }) {
  const t = useTranslations('apiKeys');
  const tr = useTranslations('roles');
  const tc = useTranslations('common');
  const { locale, timeZone } = useDateSettings();
  const router = useRouter();
  const [shown, setShown] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // A key may carry the creator's role or any below it.
  const roles = ROLES.slice(ROLES.indexOf(actorRole));
  const { form, onSubmit, submitting } = useActionForm<FormValues, unknown>({
    initialValues: { name: '', role: 'viewer', expiresAt: '' },
    schema: createApiKeySchema,
    action: (values) => createApiKeyAction(slug, { ...values, expiresAt: values.expiresAt || null }),
    onSuccess: (data) => {
      setShown((data as { key: string }).key);
      setCreating(false);
      form.reset();
      router.refresh();
    },
  });

  const date = (iso: string | null, empty: string) => (iso ? formatDate(new Date(iso), locale, timeZone) : empty);
  const status = (k: ApiKeyRow) =>
    k.revokedAt ? (
      <Badge color="gray">{t('revokedStatus')}</Badge>
    ) : k.expiresAt && new Date(k.expiresAt) <= new Date() ? (
      <Badge color="orange">{t('expired')}</Badge>
    ) : (
      <Badge color="teal">{t('active')}</Badge>
    );

  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm" maw={720}>
        {t('lead')}
      </Text>
      {canManage && !creating && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('new')}
          </Button>
        </Group>
      )}
      {creating && (
        <Card withBorder padding="lg">
          <form noValidate onSubmit={onSubmit}>
            <Stack gap="sm">
              <Group grow align="flex-start" wrap="wrap">
                <TextInput label={t('name')} required autoFocus {...form.getInputProps('name')} />
                <Select
                  label={t('role')}
                  data={roles.map((r) => ({ value: r, label: tr(r) }))}
                  allowDeselect={false}
                  {...form.getInputProps('role')}
                />
                <DateField label={t('expiresAt')} {...form.getInputProps('expiresAt')} onChange={(v) => form.setFieldValue('expiresAt', v)} />
              </Group>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setCreating(false)}>
                  {tc('cancel')}
                </Button>
                <Button type="submit" loading={submitting}>
                  {tc('create')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      {keys.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="center" gap={6}>
            <IconKey size={28} opacity={0.5} />
            <Text c="dimmed">{t('empty')}</Text>
          </Stack>
        </Card>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('name')}</Table.Th>
                  <Table.Th>{t('role')}</Table.Th>
                  <Table.Th>{t('createdAt')}</Table.Th>
                  <Table.Th>{t('expiresAt')}</Table.Th>
                  <Table.Th>{t('lastUsed')}</Table.Th>
                  <Table.Th>{t('status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {k.name}
                      </Text>
                      <Code>tzg_{k.prefix}_…</Code>
                    </Table.Td>
                    <Table.Td>{tr(k.role)}</Table.Td>
                    <Table.Td>{date(k.createdAt, '')}</Table.Td>
                    <Table.Td>{date(k.expiresAt, t('never'))}</Table.Td>
                    <Table.Td>{date(k.lastUsedAt, t('notUsed'))}</Table.Td>
                    <Table.Td>{status(k)}</Table.Td>
                    <Table.Td>
                      {canManage && !k.revokedAt && (
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={async () => {
                            const ok = await confirmDelete({
                              title: t('revoke'),
                              body: t('revokeConfirm', { name: k.name }),
                              confirm: t('revoke'),
                              cancel: tc('cancel'),
                            });
                            if (!ok) return;
                            const result = await revokeApiKeyAction(slug, { id: k.id });
                            notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
                            if (result.ok) router.refresh();
                          }}
                        >
                          {t('revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={t('yourKey')} size="lg" closeOnClickOutside={false}>
        <Stack gap="sm">
          <Alert color="yellow">{t('shownOnce')}</Alert>
          <Group gap="xs" wrap="nowrap">
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="new-api-key">
              {shown}
            </Code>
            <CopyButton value={shown ?? ''}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('copied') : t('copy')}>
                  <ActionIcon variant="default" size="lg" onClick={copy} aria-label={t('copy')}>
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={() => setShown(null)}>{t('done')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
