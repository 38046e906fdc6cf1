/** The day `days` before a calendar day ("YYYY-MM-DD"), as a calendar day: no time zone involved. */
export function daysBefore(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! - days)).toISOString().slice(0, 10);
}

/**
 * When to be reminded of a contract's end: at 09:00 (in the business's time zone, which the
 * reminders module applies to a time without an offset) `days` before its end date; none without
 * an end date, or once the contract is over.
 */
export function contractReminderDue(contract: { endDate: string | null; status: string; remindDaysBefore: number }): string | null {
  if (!contract.endDate || contract.status === 'terminated' || contract.status === 'expired') return null;
  return `${daysBefore(contract.endDate, contract.remindDaysBefore)} 09:00`;
}
