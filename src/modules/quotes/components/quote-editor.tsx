'use client';
import { ActionIcon, Button, Card, Divider, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { createQuoteAction, updateQuoteAction } from '../actions';
import { bpToPercent, formatMoney, lineAmounts, milliToDecimal, minorDigits, minorToInputText, orderTotals, parseBasisPoints, parseQuantity, readMoney } from '@/lib/money';
import { DateField } from '@/components/forms/date-field';

type Row = { key: number; name: string; quantity: string; unitPrice: string; discount: string; vat: string };

export type QuoteEditorInitial = {
  language: 'tr' | 'en';
  validUntil: string | null;
  notes: string | null;
  items: { name: string; quantityMilli: number; unitPriceMinor: number; discountBp: number; vatRateBp: number }[];
};

type Props = { slug: string; currency: string } & ({ mode: 'create'; dealId: string; initial: QuoteEditorInitial } | { mode: 'edit'; id: string; version: number; initial: QuoteEditorInitial });

let nextKey = 1;
const emptyRow = (): Row => ({ key: nextKey++, name: '', quantity: '1', unitPrice: '', discount: '0', vat: '20' });

/**
 * The row as integers, or null for a field that is not a number (the row then counts as zero).
 * The price is read in the quote's currency and the reader's locale: "1.234" is 1234 lira in
 * Turkish and 1.234 dinar in English; "1500" yen is 1500 minor units, not 150000.
 */
function parseRow(row: Row, currency: string, locale: string) {
  const price = readMoney(row.unitPrice || '0', currency, locale);
  const quantityMilli = parseQuantity(row.quantity);
  const unitPriceMinor = price.ok ? price.minor : null;
  const discountBp = parseBasisPoints(row.discount || '0');
  const vatRateBp = parseBasisPoints(row.vat || '0');
  return { quantityMilli, unitPriceMinor, discountBp, vatRateBp, priceTooPrecise: !price.ok && price.error === 'tooManyDecimals' };
}

/**
 * The line-item editor. Totals are recomputed on every keystroke with the same integer functions
 * the server stores them with, so what the user sees is what the customer gets. Amounts are typed
 * as decimals ("1.250,50" or "1250.50") and parsed as text, never through floating point.
 */
export function QuoteEditor(props: Props) {
  const t = useTranslations('quotes');
  const tv = useTranslations('validation');
  const locale = useLocale();
  const router = useRouter();
  const [language, setLanguage] = useState(props.initial.language);
  const [validUntil, setValidUntil] = useState(props.initial.validUntil ?? '');
  const [notes, setNotes] = useState(props.initial.notes ?? '');
  const [rows, setRows] = useState<Row[]>(() =>
    props.initial.items.length
      ? props.initial.items.map((i) => ({
          key: nextKey++,
          name: i.name,
          quantity: milliToDecimal(i.quantityMilli),
          unitPrice: minorToInputText(i.unitPriceMinor, props.currency, locale),
          discount: bpToPercent(i.discountBp),
          vat: bpToPercent(i.vatRateBp),
        }))
      : [emptyRow()],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const money = (minor: number) => formatMoney(minor, props.currency, locale);

  const parsed = useMemo(() => rows.map((r) => parseRow(r, props.currency, locale)), [rows, props.currency, locale]);
  const valid = parsed.map(({ quantityMilli, unitPriceMinor, discountBp, vatRateBp }) =>
    quantityMilli !== null && unitPriceMinor !== null && discountBp !== null && vatRateBp !== null ? { quantityMilli, unitPriceMinor, discountBp, vatRateBp } : null,
  );
  const totals = useMemo(() => {
    try {
      return orderTotals(valid.filter((v): v is NonNullable<typeof v> => v !== null));
    } catch {
      return null;
    }
  }, [valid]);

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  // A wrong line says the rule it broke: more than 0, 0 or more, between 0 and 100.
  const fieldError = (i: number, field: string, ok: boolean, rule: string) => errors[`items.${i}.${field}`] ?? (ok ? undefined : tv(rule as never, { limit: 0 } as never));

  const save = async () => {
    const items = rows.map((r, i) => ({ name: r.name, ...(valid[i] ?? { quantityMilli: -1, unitPriceMinor: -1, discountBp: -1, vatRateBp: -1 }) }));
    const fields = { language, validUntil: validUntil || null, notes: notes || null, items };
    setBusy(true);
    const result =
      props.mode === 'create'
        ? await createQuoteAction(props.slug, { ...fields, dealId: props.dealId })
        : await updateQuoteAction(props.slug, { ...fields, id: props.id, version: props.version });
    setBusy(false);
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (!result.ok) {
      setErrors(result.fields ?? {});
      return;
    }
    setErrors({});
    if (props.mode === 'create') router.push(`/${props.slug}/quotes/${(result.data as { id: string }).id}`);
    else router.refresh();
  };

  return (
    <Stack gap="md" data-testid="quote-editor">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('language')}
          value={language}
          onChange={(v) => setLanguage(v === 'en' ? 'en' : 'tr')}
          data={[
            { value: 'tr', label: t('languages.tr') },
            { value: 'en', label: t('languages.en') },
          ]}
          allowDeselect={false}
          data-testid="quote-language"
        />
        <DateField label={t('validUntil')} value={validUntil} onChange={setValidUntil} error={errors.validUntil} data-testid="quote-valid-until" />
      </SimpleGrid>

      <Text fw={600}>{t('items')}</Text>
      {rows.map((row, i) => {
        const p = parsed[i]!;
        const amounts = valid[i] ? safeLine(valid[i]!) : null;
        return (
          <Card key={row.key} withBorder padding="sm" data-testid="quote-item">
            <Stack gap="xs">
              <Group align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('item')}
                  value={row.name}
                  onChange={(e) => update(row.key, { name: e.currentTarget.value })}
                  error={errors[`items.${i}.name`] ? tv(errors[`items.${i}.name`] as never) : undefined}
                  data-testid="item-name"
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mb={errors[`items.${i}.name`] ? 22 : 0}
                  onClick={() => setRows((rs) => (rs.length > 1 ? rs.filter((r) => r.key !== row.key) : [emptyRow()]))}
                  aria-label={t('removeItem')}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                <TextInput label={t('quantity')} inputMode="decimal" value={row.quantity} onChange={(e) => update(row.key, { quantity: e.currentTarget.value })} error={fieldError(i, 'quantityMilli', p.quantityMilli !== null && p.quantityMilli > 0, 'positive')} data-testid="item-quantity" />
                <TextInput label={`${t('unitPrice')} (${props.currency})`} inputMode="decimal" value={row.unitPrice} onChange={(e) => update(row.key, { unitPrice: e.currentTarget.value })} error={p.priceTooPrecise ? tv('moneyDecimals', { digits: minorDigits(props.currency) }) : fieldError(i, 'unitPriceMinor', p.unitPriceMinor !== null && p.unitPriceMinor >= 0, 'tooSmallLimit')} data-testid="item-price" />
                <TextInput label={t('discount')} inputMode="decimal" value={row.discount} onChange={(e) => update(row.key, { discount: e.currentTarget.value })} error={fieldError(i, 'discountBp', p.discountBp !== null && p.discountBp >= 0 && p.discountBp <= 10_000, 'percent')} data-testid="item-discount" />
                <TextInput label={t('vatRate')} inputMode="decimal" value={row.vat} onChange={(e) => update(row.key, { vat: e.currentTarget.value })} error={fieldError(i, 'vatRateBp', p.vatRateBp !== null && p.vatRateBp >= 0 && p.vatRateBp <= 10_000, 'percent')} data-testid="item-vat" />
              </SimpleGrid>
              <Text size="sm" ta="right" c="dimmed" data-testid="item-total">
                {t('lineTotal')}: {amounts ? money(amounts.lineTotalMinor) : '—'}
              </Text>
            </Stack>
          </Card>
        );
      })}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setRows((rs) => [...rs, emptyRow()])} data-testid="add-item">
          {t('addItem')}
        </Button>
      </Group>

      <Card withBorder padding="sm" maw={420} ml="auto" w="100%" data-testid="quote-totals">
        <Stack gap={4}>
          <TotalRow label={t('subtotal')} value={totals ? money(totals.subtotalMinor) : '—'} />
          {totals && totals.discountMinor > 0 && <TotalRow label={t('discountTotal')} value={`−${money(totals.discountMinor)}`} />}
          <TotalRow label={t('vat')} value={totals ? money(totals.vatMinor) : '—'} />
          <Divider />
          <TotalRow label={t('grandTotal')} value={totals ? money(totals.totalMinor) : '—'} strong testId="quote-grand-total" />
        </Stack>
      </Card>

      <Textarea label={t('notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} data-testid="quote-notes" />
      <Group justify="flex-end">
        <Button leftSection={<IconDeviceFloppy size={16} />} loading={busy} onClick={save} data-testid="quote-save">
          {t('save')}
        </Button>
      </Group>
    </Stack>
  );
}

function safeLine(line: { quantityMilli: number; unitPriceMinor: number; discountBp: number; vatRateBp: number }) {
  try {
    return lineAmounts(line);
  } catch {
    return null;
  }
}

function TotalRow({ label, value, strong = false, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm" fw={strong ? 700 : 400}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 400} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}
