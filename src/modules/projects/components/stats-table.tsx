'use client';
import { Progress, Table, Text } from '@mantine/core';
import { useTranslations } from 'next-intl';

export type StatRow = { key: { id: string; name: string } | null; total: number; done: number; onTime: number; doneWithDue: number };

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** Completion rate and on-time share (done by the due time, of the done tasks that had one). */
export function StatsTable({ rows, by }: { rows: StatRow[]; by: 'person' | 'project' }) {
  const t = useTranslations('projects.stats');
  if (rows.length === 0) return <Text c="dimmed" size="sm">{t('empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table data-testid={`stats-${by}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(by)}</Table.Th>
            <Table.Th>{t('done')}</Table.Th>
            <Table.Th>{t('rate')}</Table.Th>
            <Table.Th>{t('onTime')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key?.id ?? 'none'}>
              <Table.Td>{row.key?.name ?? ''}</Table.Td>
              <Table.Td>
                {row.done} / {row.total}
              </Table.Td>
              <Table.Td miw={120}>
                <Progress value={percent(row.done, row.total)} size="sm" aria-label={t('rate')} />
                <Text size="xs">{percent(row.done, row.total)}%</Text>
              </Table.Td>
              <Table.Td>{row.doneWithDue === 0 ? '—' : `${percent(row.onTime, row.doneWithDue)}%`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
