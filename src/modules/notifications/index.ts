import 'server-only';
export { notificationWorker } from './jobs';
export { countUnreadNotifications, findNotifications, getNotificationPreferences } from './queries';
