'use client';
import '@mantine/dates/styles.css';
import 'dayjs/locale/tr';
import 'dayjs/locale/en';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { DateInput, DatesProvider, DateTimePicker, type DateInputProps, type DateTimePickerProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useLocale } from 'next-intl';

// DateInput reads a typed day with dayjs in the field's own format (31.12.2026), which needs this plugin.
dayjs.extend(customParseFormat);

/** How a calendar day is written in each language: 31.12.2026 in Turkish, 31/12/2026 in English. */
export function dayFormatFor(locale: string): string {
  return locale === 'tr' ? 'DD.MM.YYYY' : 'DD/MM/YYYY';
}

export type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** The day as 'YYYY-MM-DD', or '' / null / undefined for none. */
  value?: string | null;
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

/** How a moment is written in each language, to the minute. */
export function minuteFormatFor(locale: string): string {
  return `${dayFormatFor(locale)} HH:mm`;
}

export type DateTimeFieldProps = Omit<DateTimePickerProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** The wall-clock time as 'YYYY-MM-DDTHH:mm' in the user's zone, or '' / null / undefined for none. */
  value?: string | null;
  onChange: (value: string) => void;
  'data-testid'?: string;
};

/**
 * A day and a time in the user's language, for the same reason as DateField. The value is the
 * wall-clock string the forms turn into an instant with the user's time zone.
 */
export function DateTimeField({ value, onChange, valueFormat, popoverProps, ...rest }: DateTimeFieldProps) {
  const locale = useLocale();
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DateTimePicker
        valueFormat={valueFormat ?? minuteFormatFor(locale)}
        leftSection={<IconCalendar size={16} />}
        popoverProps={{ withinPortal: true, ...popoverProps }}
        {...rest}
        value={value ? `${value.slice(0, 16).replace('T', ' ')}:00` : null}
        onChange={(v) => onChange(v ? String(v).slice(0, 16).replace(' ', 'T') : '')}
      />
    </DatesProvider>
  );
}
