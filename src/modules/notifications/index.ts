import 'server-only';
export { notificationWorker } from './jobs';
export { notificationSubscribers } from './subscribers';
export { MarkAllReadButton } from './components/mark-all-read-button';
export { NotificationBell } from './components/notification-bell';
export { NotificationItems } from './components/notification-bell-menu';
export { NotificationPreferencesForm } from './components/notification-preferences-form';
export { countUnreadNotifications, findNotifications, getNotificationPreferences } from './queries';
