import { Box, Container, Group } from '@mantine/core';
import { AnchorLink } from '@/components/links';
import type { ReactNode } from 'react';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { LocaleSwitcher } from './locale-switcher';
import { Logo } from './logo';

/** The frame of signed-in pages that belong to no business yet (first business, account). */
export function PlainShell({ children, size = 640 }: { children: ReactNode; size?: number }) {
  return (
    <Box mih="100vh">
      <Container size="lg" py="md">
        <Group justify="space-between">
          <AnchorLink href="/dashboard" underline="never" c="inherit" aria-label="Tezgah">
            <Logo />
          </AnchorLink>
          <Group gap="xs">
            <LocaleSwitcher />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </Container>
      <Container size={size} py={{ base: 'md', sm: 'xl' }} component="main">
        {children}
      </Container>
    </Box>
  );
}
