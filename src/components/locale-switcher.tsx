'use client';
import { SegmentedControl } from '@mantine/core';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { LOCALE_COOKIE, type Locale } from '@/i18n/locale';

export function LocaleSwitcher({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const locale = useLocale();
  const router = useRouter();
  const t = useTranslations('shell');
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language')}
      value={locale}
      data={[
        { value: 'tr', label: 'TR' },
        { value: 'en', label: 'EN' },
      ]}
      onChange={(value) => {
        document.cookie = `${LOCALE_COOKIE}=${value as Locale}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
    />
  );
}
