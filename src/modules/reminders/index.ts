import 'server-only';

export * as endpoints from './endpoints';
export { CustomerReminders } from './components/customer-reminders';
export { ReminderDetailActions } from './components/reminder-actions';
export { ReminderForm } from './components/reminder-form';
export { ReminderList, RemindersEmpty } from './components/reminder-list';
export { instantToWallClock, resolveDueAt, wallClockToInstant } from './dates';
export { createReminder, deleteReminder, markRemindersNotified, updateReminder } from './mutations';
export { businessTimeZone, countReminderViews, findReminderOccurrences, findReminders, getCustomerOption, getReminder, searchCustomerOptions } from './queries';
