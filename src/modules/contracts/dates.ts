import { addCalendarDays } from '@/lib/dates';

/**
 * When to be reminded of a contract's end: at 09:00 (in the business's time zone, which the
 * reminders module applies to a time without an offset) `days` before its end date; none without
 * an end date, or once the contract is over.
 */
export function contractReminderDue(contract: { endDate: string | null; status: string; remindDaysBefore: number }): string | null {
  if (!contract.endDate || contract.status === 'terminated' || contract.status === 'expired') return null;
  return `${addCalendarDays(contract.endDate, -contract.remindDaysBefore)} 09:00`;
}
