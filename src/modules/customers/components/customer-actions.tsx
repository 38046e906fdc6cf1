'use client';
import { Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowsJoin, IconPencil, IconTrash } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { deleteCustomerAction, mergeCustomersAction } from '../actions';
import type { CustomerKind } from '../schemas';
import { rowsUrl, type ListPage, type Option } from './types';

/** Edit, merge and delete on a customer's profile. */
export function CustomerActions({
  slug,
  id,
  name,
  kind,
  canEdit,
  canDelete,
}: {
  slug: string;
  id: string;
  name: string;
  kind: CustomerKind;
  canEdit: boolean;
  canDelete: boolean;
}) {
  const t = useTranslations('customers');
  const tc = useTranslations('common');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [mergeOpen, setMergeOpen] = useState(false);

  return (
    <>
      {canEdit && (
        <Button component={Link} href={`/${slug}/customers/${id}/edit`} variant="default" leftSection={<IconPencil size={16} />}>
          {tc('edit')}
        </Button>
      )}
      {canDelete && (
        <Button variant="default" leftSection={<IconArrowsJoin size={16} />} onClick={() => setMergeOpen(true)} data-testid="merge-open">
          {t('profile.merge')}
        </Button>
      )}
      {canDelete && (
        <Button
          color="red"
          variant="light"
          leftSection={<IconTrash size={16} />}
          loading={busy}
          onClick={async () => {
            const ok = await confirmDelete({
              title: tc('confirmDeleteTitle'),
              body: t('profile.deleteConfirm', { name }),
              confirm: tc('delete'),
              cancel: tc('cancel'),
            });
            if (!ok) return;
            setBusy(true);
            const result = await deleteCustomerAction(slug, { id });
            setBusy(false);
            notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
            if (result.ok) {
              router.replace(`/${slug}/customers`);
              router.refresh();
            }
          }}
        >
          {tc('delete')}
        </Button>
      )}
      {mergeOpen && <MergeModal slug={slug} id={id} name={name} kind={kind} onClose={() => setMergeOpen(false)} />}
    </>
  );
}

function MergeModal({ slug, id, name, kind, onClose }: { slug: string; id: string; name: string; kind: CustomerKind; onClose: () => void }) {
  const t = useTranslations('customers');
  const tc = useTranslations('common');
  const router = useRouter();
  const [search, setSearch] = useState(name);
  const [debounced] = useDebouncedValue(search, 250);
  const [options, setOptions] = useState<Option[]>([]);
  const [other, setOther] = useState<string | null>(null);
  const [survivor, setSurvivor] = useState<string>(id);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    fetch(rowsUrl(slug, 'rows', { filters: { kind, search: debounced || undefined }, limit: 30 }), { signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<ListPage>) : null))
      .then((page) => {
        if (!page) return;
        setOptions((prev) => {
          const list = page.data.filter((c) => c.id !== id).map((c) => ({ id: c.id, name: c.name }));
          const chosen = prev.find((o) => o.id === other);
          return chosen && !list.some((o) => o.id === chosen.id) ? [chosen, ...list] : list;
        });
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [slug, kind, debounced, id, other]);

  const otherName = options.find((o) => o.id === other)?.name ?? '';

  return (
    <Modal opened onClose={onClose} title={t('merge.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('merge.lead', { name })}</Text>
        <Select
          label={t('merge.search')}
          data={options.map((o) => ({ value: o.id, label: o.name }))}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: o }) => o}
          value={other}
          onChange={setOther}
          nothingFoundMessage={t('merge.noMatch')}
          data-testid="merge-other"
        />
        {other && (
          <Radio.Group label={t('merge.survivor')} value={survivor} onChange={setSurvivor}>
            <Stack gap={6} mt={6}>
              <Radio value={id} label={t('merge.keepThis', { name })} />
              <Radio value={other} label={t('merge.keepThis', { name: otherName })} data-testid="merge-keep-other" />
            </Stack>
          </Radio.Group>
        )}
        <Text size="xs" c="dimmed">
          {t('merge.explain')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('cancel')}
          </Button>
          <Button
            color="orange"
            disabled={!other}
            loading={busy}
            data-testid="merge-confirm"
            onClick={async () => {
              if (!other) return;
              setBusy(true);
              const otherId = survivor === id ? other : id;
              const result = await mergeCustomersAction(slug, { survivorId: survivor, otherId });
              setBusy(false);
              notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
              if (result.ok) {
                onClose();
                router.replace(`/${slug}/customers/${survivor}`);
                router.refresh();
              }
            }}
          >
            {t('merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
