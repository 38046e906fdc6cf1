import 'server-only';
export { notificationWorker } from './jobs';
