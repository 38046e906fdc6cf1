// Browser-safe pieces of the tasks module, for other modules' forms and schemas.
export { DEFAULT_TASK_REMINDER_MINUTES, MAX_TASK_REMINDER_MINUTES, TASK_REMINDER_PRESETS, reminderChoice, reminderFromChoice } from './reminder';
