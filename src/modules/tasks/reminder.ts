/** The reminder choices the task form and the account settings offer, in minutes before the due time. */
export const TASK_REMINDER_PRESETS = [0, 15, 60, 1440] as const;

/** The reminder of a task made with no choice and no user default: an hour before, as before per-task reminders. */
export const DEFAULT_TASK_REMINDER_MINUTES = 60;

/** The longest lead the API accepts: four weeks. */
export const MAX_TASK_REMINDER_MINUTES = 40320;

/** When a task's assignees are reminded: `minutes` before its due time; null with no due time or no reminder. */
export function remindAtFor(dueAt: Date | null, minutes: number | null): Date | null {
  if (!dueAt || minutes === null) return null;
  return new Date(dueAt.getTime() - minutes * 60_000);
}

/** The form's value of a reminder choice: "none" or the minutes as text. */
export function reminderChoice(minutes: number | null): string {
  return minutes === null ? 'none' : String(minutes);
}

export function reminderFromChoice(choice: string): number | null {
  return choice === 'none' || choice === '' ? null : Number(choice);
}
