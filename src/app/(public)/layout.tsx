import { Box, Container, Group } from '@mantine/core';
import { AnchorLink } from '@/components/links';
import type { ReactNode } from 'react';
import { Logo } from '@/components/logo';
import { LocaleSwitcher } from '@/components/locale-switcher';
import { ColorSchemeToggle } from '@/components/color-scheme-toggle';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh">
      <Container size="lg" py="md">
        <Group justify="space-between">
          <AnchorLink href="/" underline="never" c="inherit" aria-label="Tezgah">
            <Logo />
          </AnchorLink>
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
