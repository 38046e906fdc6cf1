'use client';
import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconAlarm,
  IconBriefcase,
  IconFileInvoice,
  IconChecklist,
  IconLayoutKanban,
  IconBuildingStore,
  IconCheck,
  IconChevronDown,
  IconActivity,
  IconLayoutDashboard,
  IconLogout,
  IconMailForward,
  IconPlus,
  IconSettings,
  IconUserCircle,
  IconUsersGroup,
} from '@tabler/icons-react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { authClient } from '@/lib/auth-client';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { LocaleSwitcher } from './locale-switcher';
import { Logo } from './logo';

const NAV = [
  { key: 'dashboard', path: '', icon: IconLayoutDashboard },
  { key: 'customers', path: '/customers', icon: IconAddressBook },
  { key: 'deals', path: '/deals', icon: IconBriefcase },
  { key: 'personnel', path: '/personnel', icon: IconUsersGroup },
  { key: 'activity', path: '/activity', icon: IconActivity },
  { key: 'projects', path: '/projects', icon: IconLayoutKanban },
  { key: 'myTasks', path: '/tasks', icon: IconChecklist },
  { key: 'reminders', path: '/reminders', icon: IconAlarm },
  { key: 'quotes', path: '/quotes', icon: IconFileInvoice },
  { key: 'outbox', path: '/outbox', icon: IconMailForward },
  { key: 'settings', path: '/settings', icon: IconSettings },
] as const;

export type ShellBusiness = { slug: string; name: string; logoUrl?: string | null };

export function AppShellFrame({
  business,
  businesses,
  user,
  bell,
  children,
}: {
  business: ShellBusiness;
  businesses: ShellBusiness[];
  user: { name: string; email: string };
  /** The notification bell, made by the layout (the shell imports no module). */
  bell?: ReactNode;
  children: ReactNode;
}) {
  const [opened, { toggle, close }] = useDisclosure();
  const t = useTranslations('shell');
  const ta = useTranslations('auth');
  const pathname = usePathname();
  const router = useRouter();
  const base = `/${business.slug}`;

  const switcher = (
    <Menu position="bottom-start" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('switchBusiness')} data-testid="business-switcher">
          <Group gap={6} wrap="nowrap">
            {business.logoUrl ? (
              <Avatar src={business.logoUrl} alt="" size={24} radius="sm" />
            ) : (
              <IconBuildingStore size={18} />
            )}
            <Text fw={600} truncate maw={{ base: 140, sm: 260 }}>
              {business.name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} href={`${base}/business`} leftSection={<IconBuildingStore size={14} />} data-testid="business-page-link">
          {t('businessPage')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('businesses')}</Menu.Label>
        {businesses.map((b) => (
          <Menu.Item
            key={b.slug}
            component={Link}
            href={`/${b.slug}`}
            leftSection={b.slug === business.slug ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
          >
            {b.name}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} href="/businesses/new" leftSection={<IconPlus size={14} />}>
          {t('newBusiness')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('openMenu')} />
            <Link href={base} aria-label="Tezgah" style={{ color: 'inherit', textDecoration: 'none' }}>
              <Group visibleFrom="xs">
                <Logo />
              </Group>
            </Link>
            {switcher}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Group gap="xs" visibleFrom="sm">
              <LocaleSwitcher />
              <ColorSchemeToggle />
            </Group>
            {bell}
            <Menu position="bottom-end" width={220} withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('userMenu')} data-testid="user-menu">
                  <Avatar size={32} radius="xl" color="teal" name={user.name} />
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
                    {user.name}
                  </Text>
                  <Text size="xs" truncate>
                    {user.email}
                  </Text>
                </Menu.Label>
                <Menu.Item component={Link} href="/account" leftSection={<IconUserCircle size={14} />}>
                  {t('account')}
                </Menu.Item>
                <Menu.Item
                  color="red"
                  leftSection={<IconLogout size={14} />}
                  onClick={async () => {
                    await authClient.signOut();
                    router.replace('/');
                    router.refresh();
                  }}
                >
                  {ta('signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2} component="nav" aria-label="Tezgah">
            {NAV.map(({ key, path, icon: Icon }) => {
              const href = base + path;
              const active = path === '' ? pathname === base : pathname.startsWith(href);
              return (
                <NavLink
                  key={key}
                  component={Link}
                  href={href}
                  label={t(key)}
                  leftSection={<Icon size={18} />}
                  active={active}
                  onClick={close}
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              );
            })}
          </Stack>
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" pt="sm">
          <Group justify="space-between">
            <LocaleSwitcher />
            <ColorSchemeToggle />
          </Group>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
