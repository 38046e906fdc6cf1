'use client';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Radio,
  Select,
  Stack,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlayerPlay } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { PreviewRow } from '../queries';
import { previewImportAction, startImportAction } from '../actions';
import { DUPLICATE_MODES, IMPORT_FIELDS, type DuplicateMode, type ImportField } from '../schemas';

type Props = {
  slug: string;
  id: string;
  headers: string[];
  /** The first data row's cells, shown beside each column as an example. */
  sample: string[];
  initialFields: (ImportField | null)[];
  initialPreview: PreviewRow[];
  totalRows: number;
};

const SKIP = '__skip';

/** Steps 2 and 3: match the columns, choose what duplicates do, look at the preview, start. */
export function ImportSetup({ slug, id, headers, sample, initialFields, initialPreview, totalRows }: Props) {
  const t = useTranslations('imports');
  const tv = useTranslations('validation');
  const te = useTranslations('errors');
  const router = useRouter();
  const [fields, setFields] = useState(initialFields);
  const [mode, setMode] = useState<DuplicateMode>('skip');
  const [preview, setPreview] = useState(initialPreview);
  const [previewing, setPreviewing] = useState(false);
  const [starting, setStarting] = useState(false);
  const [mappingError, setMappingError] = useState<string | null>(null);
  const first = useRef(true);

  // The preview follows the mapping (debounced: a few quick changes cost one request).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setPreviewing(true);
    const timer = setTimeout(async () => {
      const result = await previewImportAction(slug, { id, mapping: fields, duplicateMode: mode }).catch(() => null);
      if (result?.ok) setPreview(result.data.rows);
      setPreviewing(false);
    }, 250);
    return () => clearTimeout(timer);
  }, [slug, id, fields, mode]);

  const used = new Set(fields.filter(Boolean));
  const hasName = fields.some((f) => f === 'name' || f === 'firstName' || f === 'lastName' || f === 'company');

  const start = async () => {
    setStarting(true);
    setMappingError(null);
    try {
      const result = await startImportAction(slug, { id, mapping: fields, duplicateMode: mode });
      notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
      if (result.ok) router.refresh();
      else if (result.fields?.mapping) setMappingError(result.fields.mapping);
    } catch {
      notifications.show({ color: 'red', message: te('INTERNAL') });
    } finally {
      setStarting(false);
    }
  };

  const fieldOptions = [
    { value: SKIP, label: t('skipColumn') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) })),
  ];

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Text fw={600}>{t('mappingTitle')}</Text>
        <Text size="sm" c="dimmed" mb="sm">
          {t('mappingHint')}
        </Text>
        <TableScrollContainer minWidth={300}>
          <Table verticalSpacing="xs">
            <TableThead>
              <TableTr>
                <TableTh>{t('column')}</TableTh>
                <TableTh>{t('field')}</TableTh>
              </TableTr>
            </TableThead>
            <TableTbody>
              {headers.map((header, i) => (
                <TableTr key={i}>
                  <TableTd style={{ maxWidth: 260 }}>
                    <Text size="sm" fw={600} truncate>
                      {header || `#${i + 1}`}
                    </Text>
                    {sample[i] && (
                      <Text size="xs" c="dimmed" truncate>
                        {sample[i]}
                      </Text>
                    )}
                  </TableTd>
                  <TableTd style={{ minWidth: 170 }}>
                    <Select
                      aria-label={`${t('field')}: ${header}`}
                      data={fieldOptions.map((o) => ({ ...o, disabled: o.value !== SKIP && o.value !== fields[i] && used.has(o.value as ImportField) }))}
                      value={fields[i] ?? SKIP}
                      allowDeselect={false}
                      onChange={(value) => setFields((prev) => prev.map((f, j) => (j === i ? (value === SKIP || !value ? null : (value as ImportField)) : f)))}
                      data-testid={`map-${i}`}
                    />
                  </TableTd>
                </TableTr>
              ))}
            </TableTbody>
          </Table>
        </TableScrollContainer>
        {(!hasName || mappingError) && (
          <Alert color="yellow" mt="sm" icon={<IconAlertTriangle size={16} />}>
            {mappingError ?? tv('mappingNoName')}
          </Alert>
        )}
      </Card>

      <Card withBorder padding="lg">
        <Text fw={600}>{t('duplicatesTitle')}</Text>
        <Text size="sm" c="dimmed" mb="sm">
          {t('duplicatesHint')}
        </Text>
        <Radio.Group value={mode} onChange={(v) => setMode(v as DuplicateMode)}>
          <Stack gap="xs">
            {DUPLICATE_MODES.map((m) => (
              <Radio key={m} value={m} label={t(`duplicateModes.${m}`)} />
            ))}
          </Stack>
        </Radio.Group>
      </Card>

      <Card withBorder padding="lg" style={{ opacity: previewing ? 0.6 : 1 }} data-testid="import-preview">
        <Text fw={600}>{t('previewTitle')}</Text>
        <Text size="sm" c="dimmed" mb="sm">
          {t('previewHint', { count: preview.length })}
        </Text>
        <TableScrollContainer minWidth={340}>
          <Table verticalSpacing="xs" striped>
            <TableThead>
              <TableTr>
                <TableTh w={56}>{t('row')}</TableTh>
                <TableTh>{t('name')}</TableTh>
                <TableTh visibleFrom="sm">{t('email')}</TableTh>
                <TableTh visibleFrom="md">{t('phone')}</TableTh>
                <TableTh visibleFrom="md">{t('company')}</TableTh>
                <TableTh>{t('result')}</TableTh>
              </TableTr>
            </TableThead>
            <TableTbody>
              {preview.map((r) => (
                <TableTr key={r.row}>
                  <TableTd>{r.row}</TableTd>
                  <TableTd>
                    <Text size="sm" truncate maw={220}>
                      {r.customer?.name ?? (r.raw.name || '—')}
                    </Text>
                  </TableTd>
                  <TableTd visibleFrom="sm">
                    <Text size="sm" truncate maw={220}>
                      {(r.customer ? r.customer.emails.join(', ') : r.raw.email) || '—'}
                    </Text>
                  </TableTd>
                  <TableTd visibleFrom="md">{(r.customer ? r.customer.phones.join(', ') : r.raw.phone) || '—'}</TableTd>
                  <TableTd visibleFrom="md">{(r.customer ? r.customer.companyName : r.raw.company) || '—'}</TableTd>
                  <TableTd>
                    {r.problems.length > 0 ? (
                      <Stack gap={2}>
                        {r.problems.map((p) => (
                          <Text key={p.field} size="xs" c="red">
                            {t(`fields.${p.field}`)}: {tv(p.message as never)}
                          </Text>
                        ))}
                      </Stack>
                    ) : r.duplicateOf ? (
                      // Text, not a badge: the name must wrap rather than be cut off on a phone.
                      <Text size="xs" fw={600} c="orange.8">
                        {t('duplicateOf', { name: r.duplicateOf })}
                      </Text>
                    ) : (
                      <Badge color="teal" variant="light" style={{ overflow: 'visible' }}>
                        {t('ok')}
                      </Badge>
                    )}
                  </TableTd>
                </TableTr>
              ))}
            </TableTbody>
          </Table>
        </TableScrollContainer>
      </Card>

      <Group justify="flex-end">
        <Button size="md" leftSection={<IconPlayerPlay size={18} />} onClick={start} loading={starting} disabled={!hasName} data-testid="start-import">
          {t('start', { rows: totalRows })}
        </Button>
      </Group>
    </Stack>
  );
}
