import 'server-only';

export * as endpoints from './endpoints';
export { notifyDueTasks } from './notifier';
