// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { CustomerReminders } from './components/customer-reminders';
export { ReminderDetailActions } from './components/reminder-actions';
export { ReminderForm } from './components/reminder-form';
export { ReminderList, RemindersEmpty } from './components/reminder-list';
