import { Anchor, Box, Container, Group } from '@mantine/core';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Logo } from '@/components/logo';
import { LocaleSwitcher } from '@/components/locale-switcher';
import { ColorSchemeToggle } from '@/components/color-scheme-toggle';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh">
      <Container size="lg" py="md">
        <Group justify="space-between">
          <Anchor component={Link} href="/" underline="never" c="inherit" aria-label="Tezgah">
            <Logo />
          </Anchor>
          <Group gap="xs">
            <LocaleSwitcher />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </Container>
      <main>{children}</main>
    </Box>
  );
}
