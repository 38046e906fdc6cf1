import { Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';

export type RowError = { row: number; field: string; reason: string; value: string | null };

/**
 * The rows of an imported file that were not taken, with the column and the reason, already in
 * the reader's language. Flat Mantine names: it renders in server and client components alike.
 */
export function RowErrorsTable({
  labels,
  errors,
  testId,
}: {
  labels: { row: string; field: string; reason: string; value: string };
  errors: RowError[];
  testId: string;
}) {
  return (
    <TableScrollContainer minWidth={340}>
      <Table verticalSpacing="xs" striped data-testid={testId}>
        <TableThead>
          <TableTr>
            <TableTh w={64}>{labels.row}</TableTh>
            <TableTh>{labels.field}</TableTh>
            <TableTh>{labels.reason}</TableTh>
            <TableTh visibleFrom="sm">{labels.value}</TableTh>
          </TableTr>
        </TableThead>
        <TableTbody>
          {errors.map((e, i) => (
            <TableTr key={`${e.row}-${e.field}-${i}`}>
              <TableTd>{e.row}</TableTd>
              {/* Column names are one or two words: on a phone "E-posta" would otherwise break at its hyphen. */}
              <TableTd style={{ whiteSpace: 'nowrap' }}>{e.field}</TableTd>
              <TableTd>{e.reason}</TableTd>
              <TableTd visibleFrom="sm">
                <Text size="sm" truncate maw={240}>
                  {e.value ?? ''}
                </Text>
              </TableTd>
            </TableTr>
          ))}
        </TableTbody>
      </Table>
    </TableScrollContainer>
  );
}
