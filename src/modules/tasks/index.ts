import 'server-only';

export * as endpoints from './endpoints';
export { notifyDueTasks } from './notifier';
export { findBoardTasks, findMyTasks, getTask, taskStatsByPerson, taskStatsByProject } from './queries';
export { tasksCustomerMergeSubscriber } from './customer-merge';
