'use client';
import { ActionIcon, Button, FileInput, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPencil, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { createContractAction, deleteContractAction, updateContractAction } from '../actions';
import { CONTRACT_STATUSES, type ContractStatus } from '../schemas';
import { DateField } from '@/components/forms/date-field';

export type ContractFormValues = {
  id?: string;
  version?: number;
  title: string;
  status: ContractStatus;
  startDate: string | null;
  endDate: string | null;
  remindDaysBefore: number;
};

const ACCEPT = 'application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.docx,image/png,image/jpeg,image/webp';

/** The add/edit form in a modal; the file travels in FormData to the Server Action. */
function ContractModal({ slug, target, initial, opened, onClose }: { slug: string; target: { dealId?: string; customerId?: string }; initial: ContractFormValues; opened: boolean; onClose: () => void }) {
  const t = useTranslations('contracts');
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const data = new FormData();
    data.set('title', values.title);
    data.set('status', values.status);
    data.set('startDate', values.startDate ?? '');
    data.set('endDate', values.endDate ?? '');
    data.set('remindDaysBefore', String(values.remindDaysBefore));
    if (file) data.set('file', file);
    if (values.id) {
      data.set('id', values.id);
      data.set('version', String(values.version));
    } else {
      if (target.dealId) data.set('dealId', target.dealId);
      if (target.customerId) data.set('customerId', target.customerId);
    }
    setBusy(true);
    const result = values.id ? await updateContractAction(slug, data) : await createContractAction(slug, data);
    setBusy(false);
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (!result.ok) {
      setErrors(result.fields ?? {});
      return;
    }
    onClose();
    router.refresh();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={values.id ? t('edit') : t('new')} size="lg">
      <Stack gap="sm" data-testid="contract-form">
        <TextInput label={t('fields.title')} required value={values.title} onChange={(e) => setValues({ ...values, title: e.currentTarget.value })} error={errors.title} data-testid="contract-title" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('fields.status')}
            value={values.status}
            allowDeselect={false}
            data={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            onChange={(v) => setValues({ ...values, status: (v as ContractStatus) ?? 'draft' })}
          />
          <NumberInput label={t('fields.remindDaysBefore')} min={0} max={365} value={values.remindDaysBefore} onChange={(v) => setValues({ ...values, remindDaysBefore: typeof v === 'number' ? v : 0 })} error={errors.remindDaysBefore} />
          <DateField label={t('fields.startDate')} value={values.startDate} onChange={(v) => setValues({ ...values, startDate: v || null })} error={errors.startDate} />
          <DateField label={t('fields.endDate')} value={values.endDate} onChange={(v) => setValues({ ...values, endDate: v || null })} error={errors.endDate} data-testid="contract-end" />
        </SimpleGrid>
        <FileInput label={t('fields.file')} accept={ACCEPT} value={file} onChange={setFile} clearable leftSection={<IconUpload size={16} />} error={errors.file} data-testid="contract-file" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button loading={busy} onClick={save} data-testid="contract-save">
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function NewContractButton({ slug, dealId, customerId }: { slug: string; dealId?: string; customerId?: string }) {
  const t = useTranslations('contracts');
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setOpened(true)} data-testid="new-contract">
        {t('new')}
      </Button>
      {opened && (
        <ContractModal
          slug={slug}
          target={{ dealId, customerId }}
          initial={{ title: '', status: 'active', startDate: null, endDate: null, remindDaysBefore: 30 }}
          opened
          onClose={() => setOpened(false)}
        />
      )}
    </>
  );
}

export function ContractRowActions({ slug, contract, hasFile, canUpdate, canDelete }: { slug: string; contract: ContractFormValues & { id: string }; hasFile: boolean; canUpdate: boolean; canDelete: boolean }) {
  const t = useTranslations('contracts');
  const tc = useTranslations('common');
  const router = useRouter();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    const ok = await confirmDelete({ title: tc('confirmDeleteTitle'), body: t('deleteConfirm', { title: contract.title }), confirm: tc('delete'), cancel: tc('cancel') });
    if (!ok) return;
    setBusy(true);
    const result = await deleteContractAction(slug, { id: contract.id });
    setBusy(false);
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) router.refresh();
  };
  return (
    <Group gap={4} wrap="nowrap">
      {hasFile && (
        <Tooltip label={t('download')}>
          <ActionIcon component="a" href={`/${slug}/contracts/${contract.id}/file`} variant="subtle" aria-label={t('download')}>
            <IconDownload size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      {canUpdate && (
        <Tooltip label={t('edit')}>
          <ActionIcon variant="subtle" onClick={() => setOpened(true)} aria-label={t('edit')}>
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      {canDelete && (
        <Tooltip label={t('delete')}>
          <ActionIcon variant="subtle" color="red" loading={busy} onClick={remove} aria-label={t('delete')} data-testid="contract-delete">
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      {opened && <ContractModal slug={slug} target={{}} initial={contract} opened onClose={() => setOpened(false)} />}
    </Group>
  );
}
