import 'server-only';
export { notificationWorker } from './jobs';
export { notificationSubscribers } from './subscribers';
export { countUnreadNotifications, findNotifications, getNotificationPreferences } from './queries';
