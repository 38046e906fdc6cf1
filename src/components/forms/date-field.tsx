'use client';
import '@mantine/dates/styles.css';
import 'dayjs/locale/tr';
import 'dayjs/locale/en';
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useLocale } from 'next-intl';

/** How a calendar day is written in each language: 31.12.2026 in Turkish, 31/12/2026 in English. */
export function dayFormatFor(locale: string): string {
  return locale === 'tr' ? 'DD.MM.YYYY' : 'DD/MM/YYYY';
}

export type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** The day as 'YYYY-MM-DD', or '' / null / undefined for none. */
  value: string | null | undefined;
  onChange: (value: string) => void;
  'data-testid'?: string;
};

/**
 * A calendar day in the user's language. Browsers' native date inputs follow the operating system's
 * language rather than the page's (a Turkish page showed "mm/dd/yyyy"), so every day field uses
 * this one. The value stays the ISO day string the schemas and URLs already use; '' means none.
 */
export function DateField({ value, onChange, valueFormat, popoverProps, ...rest }: DateFieldProps) {
  const locale = useLocale();
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DateInput
        valueFormat={valueFormat ?? dayFormatFor(locale)}
        leftSection={<IconCalendar size={16} />}
        clearable
        popoverProps={{ withinPortal: true, ...popoverProps }}
        {...rest}
        value={value || null}
        onChange={(v) => onChange(v ? String(v).slice(0, 10) : '')}
      />
    </DatesProvider>
  );
}
