import 'server-only';

export * as endpoints from './endpoints';
export { markTasksReminded } from './mutations';
export { taskSubscribers } from './subscribers';
export { findBoardTasks, findMyTasks, findTasks, getTask, taskStatsByPerson, taskStatsByProject } from './queries';
export { tasksCustomerMergeSubscriber } from './customer-merge';
