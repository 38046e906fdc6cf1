import 'server-only';

export * as endpoints from './endpoints';
export { createReminder, deleteReminder, markRemindersNotified, updateReminder } from './mutations';
export { countReminderViews, findReminderOccurrences, findReminders, getCustomerOption, getReminder, searchCustomerOptions } from './queries';
export { remindersCustomerMergeSubscriber } from './customer-merge';
