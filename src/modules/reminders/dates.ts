/**
 * Reminder recurrence in the business's time zone. Repeats follow the wall clock: a daily 09:00
 * reminder stays at 09:00 across a DST change, which adding 24 hours would not do. The zone
 * arithmetic itself is date-fns on a `TZDate` (see lib/dates). Safe on the client.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, getDaysInMonth, setDate } from 'date-fns';

/** The same values as the `reminder_repeat` enum of the database (checked in queries.ts). */
export const REMINDER_REPEATS = ['none', 'daily', 'weekly', 'monthly'] as const;
export type ReminderRepeat = (typeof REMINDER_REPEATS)[number];

/**
 * The next occurrence after `dueAt`. Daily and weekly add calendar days on the wall clock; monthly
 * goes to the anchor day of the next month, or that month's last day when it is shorter (31 →
 * 30 Apr → 31 May). The anchor is kept separately because the previous due date may have been
 * clipped. Null for a reminder that does not repeat.
 */
export function nextOccurrence(dueAt: Date, repeat: ReminderRepeat, timeZone: string, anchorDay?: number | null): Date | null {
  if (repeat === 'none') return null;
  const due = new TZDate(dueAt.getTime(), timeZone);
  if (repeat === 'daily') return new Date(addDays(due, 1).getTime());
  if (repeat === 'weekly') return new Date(addWeeks(due, 1).getTime());
  const nextMonth = addMonths(new TZDate(due.getFullYear(), due.getMonth(), 1, due.getHours(), due.getMinutes(), 0, 0, timeZone), 1);
  return new Date(setDate(nextMonth, Math.min(anchorDay ?? due.getDate(), getDaysInMonth(nextMonth))).getTime());
}

/**
 * Where a repeating reminder goes when it is marked done: the first occurrence after the current
 * one that is still ahead of `now`. A daily reminder left undone for a week comes back tomorrow,
 * not seven times in a row as overdue. Bounded, so a corrupt date cannot loop for long.
 */
export function nextDueAfterDone(dueAt: Date, repeat: ReminderRepeat, timeZone: string, anchorDay: number | null, now: Date): Date | null {
  let next = nextOccurrence(dueAt, repeat, timeZone, anchorDay);
  for (let i = 0; next && next.getTime() <= now.getTime() && i < 5000; i++) {
    next = nextOccurrence(next, repeat, timeZone, anchorDay);
  }
  return next;
}
