import 'server-only';

export * as endpoints from './endpoints';
export { markTasksReminded } from './mutations';
export { taskSubscribers } from './subscribers';
export { MyTasks, type MyTaskGroup } from './components/my-tasks';
export { toCardData } from './components/serialize';
export { DeleteTaskButton, DoneToggle } from './components/task-actions';
export { TaskBoard } from './components/task-board';
export { PRIORITY_COLORS, type TaskCardData } from './components/task-card';
export { TaskChecklist } from './components/task-checklist';
export { TaskComments } from './components/task-comments';
export { TaskForm } from './components/task-form';
export { findBoardTasks, findMyTasks, getTask, taskStatsByPerson, taskStatsByProject } from './queries';
