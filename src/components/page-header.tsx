import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page's title row with its actions on the right (they wrap under the title on a phone). */
export function PageHeader({ title, actions, children }: { title: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text component="h1" fz={{ base: 22, sm: 26 }} fw={650} m={0}>
          {title}
        </Text>
        {children}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
