'use client';
import { Tabs } from '@mantine/core';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

export type SettingsTab = { key: string; href: string; label: string };

/** The sub-pages of a business's settings, as links that keep the URL the source of truth. */
export function SettingsTabs({ tabs }: { tabs: SettingsTab[] }) {
  const pathname = usePathname();
  const router = useRouter();
  const t = useTranslations('shell');
  const active = [...tabs].sort((a, b) => b.href.length - a.href.length).find((tab) => pathname.startsWith(tab.href));
  return (
    <Tabs value={active?.key ?? tabs[0]?.key} onChange={(key) => key && router.push(tabs.find((x) => x.key === key)!.href)} mb="lg">
      <Tabs.List aria-label={t('settings')} style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.key} value={tab.key}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
