'use client';
import { ActionIcon, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import {
  bpToPercent,
  formatMoney,
  milliToDecimal,
  minorToInputText,
  orderTotals,
  parseMoney,
  parseQuantity,
  parseBasisPoints,
  type LineInput,
} from '@/lib/money';
import { createPurchaseAction, deletePurchaseAction, updatePurchaseAction } from '../actions';
import { PURCHASE_STATUSES, type PurchaseStatus } from '../schemas';
import { DateField } from '@/components/forms/date-field';

const CURRENCY_OPTIONS = ['TRY', 'USD', 'EUR', 'GBP'];
const VAT_RATES = ['20', '10', '1', '0'];

/** A purchase as the editor receives it from the server component (plain, serialisable values). */
export type EditablePurchase = {
  id: string;
  version: number;
  /** YYYY-MM-DD in the business's time zone. */
  date: string;
  status: PurchaseStatus;
  currency: string;
  externalRef: string | null;
  notes: string | null;
  items: { name: string; quantityMilli: number; unitPriceMinor: number; vatRateBp: number }[];
};

type ItemValues = { name: string; quantity: string; unitPrice: string; vatRate: string };
type Values = { date: string; status: PurchaseStatus; currency: string; externalRef: string; notes: string; items: ItemValues[] };

const emptyItem = (): ItemValues => ({ name: '', quantity: '1', unitPrice: '', vatRate: '20' });

/** The lines as integers, or the first problem per field (translation keys under `validation.`). */
function parseItems(values: Values, locale: string): { lines: (LineInput & { name: string })[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const lines = values.items.map((item, i) => {
    const quantityMilli = parseQuantity(item.quantity);
    const unitPriceMinor = parseMoney(item.unitPrice, values.currency, locale);
    const vatRateBp = parseBasisPoints(item.vatRate);
    if (!item.name.trim()) errors[`items.${i}.name`] = 'required';
    if (quantityMilli === null || quantityMilli <= 0) errors[`items.${i}.quantity`] = 'quantity';
    if (unitPriceMinor === null || unitPriceMinor < 0) errors[`items.${i}.unitPrice`] = 'money';
    if (vatRateBp === null || vatRateBp < 0 || vatRateBp > 10_000) errors[`items.${i}.vatRate`] = 'vatRate';
    return { name: item.name.trim(), quantityMilli: quantityMilli ?? 0, unitPriceMinor: unitPriceMinor ?? 0, vatRateBp: vatRateBp ?? 0 };
  });
  return { lines, errors };
}

function totalsOf(lines: LineInput[]) {
  try {
    return orderTotals(lines);
  } catch {
    return null;
  }
}

/**
 * Add or edit a purchase in a modal. Amounts are typed as people write them ("1.234,56") and
 * parsed into minor units here with the same parser the server trusts; the totals show as you type.
 */
export function PurchaseEditor({
  slug,
  customerId,
  defaultCurrency,
  today,
  purchase,
  canDelete = false,
}: {
  slug: string;
  customerId: string;
  defaultCurrency: string;
  today: string;
  purchase?: EditablePurchase;
  canDelete?: boolean;
}) {
  const t = useTranslations('purchases');
  const tc = useTranslations('common');
  const tv = useTranslations('validation');
  const te = useTranslations('errors');
  const locale = useLocale();
  const router = useRouter();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState<'save' | 'delete' | null>(null);

  const initial = (): Values =>
    purchase
      ? {
          date: purchase.date,
          status: purchase.status,
          currency: purchase.currency,
          externalRef: purchase.externalRef ?? '',
          notes: purchase.notes ?? '',
          items: purchase.items.map((i) => ({
            name: i.name,
            quantity: milliToDecimal(i.quantityMilli),
            unitPrice: minorToInputText(i.unitPriceMinor, purchase.currency, locale),
            vatRate: bpToPercent(i.vatRateBp),
          })),
        }
      : { date: today, status: 'paid', currency: defaultCurrency, externalRef: '', notes: '', items: [emptyItem()] };

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial(),
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) errors.date = tv('required');
      for (const [k, v] of Object.entries(parseItems(values, locale).errors)) errors[k] = tv(v as never);
      return errors;
    },
  });

  const { lines, errors: lineErrors } = parseItems(form.values, locale);
  const totals = Object.keys(lineErrors).length === 0 ? totalsOf(lines) : null;
  const money = (minor: number) => formatMoney(minor, form.values.currency, locale);

  const submit = form.onSubmit(async (values) => {
    const input = {
      customerId,
      orderedAt: values.date,
      status: values.status,
      currency: values.currency,
      externalRef: values.externalRef,
      notes: values.notes,
      items: parseItems(values, locale).lines,
    };
    setBusy('save');
    try {
      const result = purchase
        ? await updatePurchaseAction(slug, { ...input, id: purchase.id, version: purchase.version })
        : await createPurchaseAction(slug, input);
      notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
      if (result.ok) {
        close();
        if (!purchase) form.setValues(initial());
        router.refresh();
      } else if (result.fields) {
        form.setErrors(result.fields);
      }
    } catch {
      notifications.show({ color: 'red', message: te('INTERNAL') });
    } finally {
      setBusy(null);
    }
  });

  const remove = async () => {
    if (!purchase) return;
    const ok = await confirmDelete({ title: tc('confirmDeleteTitle'), body: t('deleteConfirm'), confirm: tc('delete'), cancel: tc('cancel') });
    if (!ok) return;
    setBusy('delete');
    const result = await deletePurchaseAction(slug, { id: purchase.id });
    setBusy(null);
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) router.refresh();
  };

  return (
    <>
      {purchase ? (
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <ActionIcon variant="subtle" color="gray" aria-label={tc('edit')} onClick={open}>
            <IconPencil size={16} />
          </ActionIcon>
          {canDelete && (
            <ActionIcon variant="subtle" color="red" aria-label={tc('delete')} loading={busy === 'delete'} onClick={remove}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ) : (
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={open}>
          {t('add')}
        </Button>
      )}
      <Modal opened={opened} onClose={close} title={purchase ? t('editTitle') : t('addTitle')} size="xl" fullScreen={false}>
        <form noValidate onSubmit={submit}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <DateField label={t('date')} required {...form.getInputProps('date')} onChange={(v) => form.setFieldValue('date', v)} clearable={false} />
              <Select
                label={t('status')}
                data={PURCHASE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
                allowDeselect={false}
                {...form.getInputProps('status')}
              />
              <Select label={t('currency')} data={CURRENCY_OPTIONS} allowDeselect={false} {...form.getInputProps('currency')} />
            </SimpleGrid>
            <Text fw={600} size="sm">
              {t('items')}
            </Text>
            {form.values.items.map((_, i) => (
              <Group key={i} gap="xs" align="flex-start" wrap="wrap" data-testid="purchase-item">
                <TextInput
                  label={i === 0 ? t('itemName') : undefined}
                  aria-label={t('itemName')}
                  placeholder={t('itemNamePlaceholder')}
                  style={{ flex: '2 1 180px' }}
                  {...form.getInputProps(`items.${i}.name`)}
                />
                <TextInput
                  label={i === 0 ? t('quantity') : undefined}
                  aria-label={t('quantity')}
                  inputMode="decimal"
                  style={{ flex: '0 1 80px' }}
                  {...form.getInputProps(`items.${i}.quantity`)}
                />
                <TextInput
                  label={i === 0 ? t('unitPrice') : undefined}
                  aria-label={t('unitPrice')}
                  inputMode="decimal"
                  placeholder="0,00"
                  style={{ flex: '1 1 110px' }}
                  {...form.getInputProps(`items.${i}.unitPrice`)}
                />
                <Select
                  label={i === 0 ? t('vatRate') : undefined}
                  aria-label={t('vatRate')}
                  data={[...new Set([...VAT_RATES, form.values.items[i]!.vatRate])].map((r) => ({ value: r, label: `%${r}` }))}
                  allowDeselect={false}
                  style={{ flex: '0 1 90px' }}
                  {...form.getInputProps(`items.${i}.vatRate`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={i === 0 ? 28 : 4}
                  aria-label={t('removeItem')}
                  disabled={form.values.items.length === 1}
                  onClick={() => form.removeListItem('items', i)}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group justify="space-between" align="flex-start">
              <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('items', emptyItem())}>
                {t('addItem')}
              </Button>
              <Stack gap={0} align="flex-end" data-testid="purchase-totals">
                <Text size="sm" c="dimmed">
                  {t('subtotal')}: {totals ? money(totals.subtotalMinor) : '—'}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('vat')}: {totals ? money(totals.vatMinor) : '—'}
                </Text>
                <Text fw={700}>
                  {t('total')}: {totals ? money(totals.totalMinor) : '—'}
                </Text>
              </Stack>
            </Group>
            <Textarea label={t('notes')} autosize minRows={1} maxRows={4} {...form.getInputProps('notes')} />
            <TextInput label={t('externalRef')} description={t('externalRefHint')} {...form.getInputProps('externalRef')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {tc('cancel')}
              </Button>
              <Button type="submit" loading={busy === 'save'}>
                {purchase ? tc('save') : tc('create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
