import { Skeleton, Stack } from '@mantine/core';

export default function Loading() {
  return (
    <Stack gap="md" aria-busy="true">
      <Skeleton height={32} width={240} />
      <Skeleton height={40} width="60%" />
      <Skeleton height={220} />
    </Stack>
  );
}
