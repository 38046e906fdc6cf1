'use client';
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column's title with its card count, optional totals and optional limit. */
export function BoardColumnHeader({ title, count, totals, limit, limitLabel }: { title: string; count: number; totals?: ReactNode; limit?: number; limitLabel?: (limit: number) => string }) {
  const over = limit !== undefined && count > limit;
  return (
    <Stack gap={2} px={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fw={600} size="sm" truncate>
          {title}
        </Text>
        <Badge variant="light" color={over ? 'red' : 'gray'} size="sm" style={{ flexShrink: 0 }} data-count={count}>
          {limit !== undefined ? `${count} / ${limit}` : count}
        </Badge>
      </Group>
      {limit !== undefined && limitLabel && (
        <Text size="xs" c={over ? 'red' : 'dimmed'}>
          {limitLabel(limit)}
        </Text>
      )}
      {totals && (
        <Text size="xs" c="dimmed" component="div">
          {totals}
        </Text>
      )}
    </Stack>
  );
}
