// Browser-safe pieces of the tasks module: how the task list reads its URL, and the reminder choices
// other modules' forms and schemas use.
export { isTaskSearch, readTaskListParams, type TaskListState } from './list-params';
export { DEFAULT_TASK_REMINDER_MINUTES, MAX_TASK_REMINDER_MINUTES, TASK_REMINDER_PRESETS, reminderChoice, reminderFromChoice } from './reminder';
