'use client';
import { ActionIcon, Badge, Button, Card, Group, Menu, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowDownLeft,
  IconArrowUpRight,
  IconCalendarEvent,
  IconDots,
  IconMail,
  IconMessage,
  IconNote,
  IconPencil,
  IconPhone,
  IconTrash,
} from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { AnchorLink } from '@/components/links';
import { deleteInteractionAction, findCustomerTimelineAction, findInteractionsAction } from '../actions';
import { CALL_OUTCOMES, type InteractionType } from '../schemas';
import type { InteractionRecord } from '../queries';
import { formatInstant } from './format';
import { InteractionForm } from './interaction-form';
import { MessageDelivery } from './message-delivery';

const ICONS: Record<InteractionType, typeof IconPhone> = {
  call: IconPhone,
  email: IconMail,
  meeting: IconCalendarEvent,
  note: IconNote,
  sms: IconMessage,
};
const COLORS: Record<InteractionType, string> = { call: 'teal', email: 'blue', meeting: 'grape', note: 'yellow', sms: 'cyan' };

export type ListFilters = { customerId?: string; type?: string; personnelId?: string; from?: string; to?: string };

/**
 * Interactions newest first, with "load more" (keyset: the server's cursor) and edit and delete
 * where the person may. `customerId` in the filters makes it that customer's timeline.
 */
export function InteractionList({
  slug,
  timeZone,
  initial,
  filters,
  personnelOptions,
  selfPersonnelId,
  showCustomers = true,
  customerHref,
  emptyText,
  timeline = false,
}: {
  slug: string;
  timeZone: string;
  initial: { data: InteractionRecord[]; nextCursor: string | null };
  filters: ListFilters;
  personnelOptions: { id: string; name: string }[];
  selfPersonnelId: string;
  showCustomers?: boolean;
  /** Prefix of the link on a customer's name (the id is appended), or nothing. */
  customerHref?: string;
  emptyText: string;
  /** A customer's timeline (`filters.customerId`): its pages hold the notes box's notes too. */
  timeline?: boolean;
}) {
  const t = useTranslations('interactions');
  const te = useTranslations('errors');
  const tc = useTranslations('common');
  const [more, setMore] = useState<InteractionRecord[]>([]);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<InteractionRecord | null>(null);
  const router = useRouter();
  const [, startTransition] = useTransition();

  // A live refresh re-renders the first page; rows already loaded below it are kept unless they
  // reappear in it.
  const firstIds = new Set(initial.data.map((i) => i.id));
  const items = [...initial.data, ...more.filter((i) => !firstIds.has(i.id))];

  async function loadMore() {
    if (!cursor) return;
    setLoading(true);
    try {
      const result = await (timeline ? findCustomerTimelineAction : findInteractionsAction)(slug, { ...filters, cursor, limit: 50 });
      if (result.ok) {
        setMore((prev) => [...prev, ...result.data.data]);
        setCursor(result.data.nextCursor);
      } else notifications.show({ color: 'red', message: result.message });
    } catch {
      notifications.show({ color: 'red', message: te('INTERNAL') });
    } finally {
      setLoading(false);
    }
  }

  async function remove(item: InteractionRecord) {
    const ok = await confirmDelete({ title: tc('confirmDeleteTitle'), body: t('deleteConfirm'), confirm: tc('delete'), cancel: tc('cancel') });
    if (!ok) return;
    const result = await deleteInteractionAction(slug, { id: item.id });
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) {
      setMore((prev) => prev.filter((i) => i.id !== item.id));
      startTransition(() => router.refresh());
    }
  }

  if (items.length === 0) {
    return (
      <Card withBorder padding="xl">
        <Stack align="center" gap={4} py="md">
          <ThemeIcon size={40} variant="light" radius="xl">
            <IconNote size={22} />
          </ThemeIcon>
          <Text fw={600}>{Object.keys(filters).some((k) => k !== 'customerId' && filters[k as keyof ListFilters]) ? t('emptyFiltered') : t('emptyTitle')}</Text>
          <Text size="sm" c="dimmed" ta="center" maw={420}>
            {emptyText}
          </Text>
        </Stack>
      </Card>
    );
  }

  return (
    <Stack gap="xs" data-testid="interaction-list">
      {items.map((item) => (
        <InteractionItem
          key={item.id}
          slug={slug}
          item={item}
          timeZone={timeZone}
          showCustomers={showCustomers}
          customerHref={customerHref}
          onEdit={() => setEditing(item)}
          onDelete={() => remove(item)}
        />
      ))}
      {cursor && (
        <Group justify="center">
          <Button variant="default" onClick={loadMore} loading={loading}>
            {t('loadMore')}
          </Button>
        </Group>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('edit')} size="lg" fullScreen={false}>
        {editing && (
          <InteractionForm
            slug={slug}
            timeZone={timeZone}
            personnelOptions={personnelOptions}
            selfPersonnelId={selfPersonnelId}
            initial={editing}
            onDone={() => {
              setEditing(null);
              setMore([]);
              setCursor(initial.nextCursor);
              router.refresh();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function InteractionItem({
  slug,
  item,
  timeZone,
  showCustomers,
  customerHref,
  onEdit,
  onDelete,
}: {
  slug: string;
  item: InteractionRecord;
  timeZone: string;
  showCustomers: boolean;
  customerHref?: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations('interactions');
  const tc = useTranslations('common');
  const locale = useLocale();
  const Icon = ICONS[item.type];
  const outcome = item.outcome && (CALL_OUTCOMES as readonly string[]).includes(item.outcome) ? t(`outcomes.${item.outcome as (typeof CALL_OUTCOMES)[number]}`) : item.outcome;
  return (
    <Card withBorder padding="sm" data-testid="interaction-item">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <ThemeIcon variant="light" color={COLORS[item.type]} radius="xl" size={32} style={{ flexShrink: 0 }}>
          <Icon size={17} />
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Text fw={600} size="sm">
              {t(`types.${item.type}`)}
            </Text>
            {item.direction && (
              <Badge
                size="xs"
                variant="light"
                color="gray"
                leftSection={item.direction === 'inbound' ? <IconArrowDownLeft size={10} /> : <IconArrowUpRight size={10} />}
              >
                {t(`directions.${item.direction}`)}
              </Badge>
            )}
            {outcome && (
              <Badge size="xs" variant="outline" color={COLORS[item.type]}>
                {outcome}
              </Badge>
            )}
            {item.customerNote?.pinned && (
              <Badge size="xs" variant="light" color="yellow">
                {t('pinnedNote')}
              </Badge>
            )}
            {item.durationMinutes !== null && (
              <Text size="xs" c="dimmed">
                {t('minutes', { count: item.durationMinutes })}
              </Text>
            )}
          </Group>
          {item.subject && (
            <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {item.subject}
            </Text>
          )}
          {item.body && (
            <Text size="sm" c="dimmed" lineClamp={4} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
              {item.body}
            </Text>
          )}
          {item.message && <MessageDelivery slug={slug} message={item.message} />}
          <Text size="xs" c="dimmed">
            <time dateTime={new Date(item.occurredAt).toISOString()}>{formatInstant(item.occurredAt, locale, timeZone)}</time>
            {item.createdByName ? ` · ${t('by', { name: item.createdByName })}` : ''}
            {showCustomers && item.customers.length > 0 && ' · '}
            {showCustomers &&
              item.customers.map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ', '}
                  {customerHref ? (
                    <AnchorLink href={`${customerHref}${c.id}`} size="xs">
                      {c.name}
                    </AnchorLink>
                  ) : (
                    c.name
                  )}
                </span>
              ))}
          </Text>
        </Stack>
        {(item.canUpdate || item.canDelete) && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={tc('edit')}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {item.canUpdate && (
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                  {tc('edit')}
                </Menu.Item>
              )}
              {item.canDelete && (
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
                  {tc('delete')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Card>
  );
}
