// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { MyTasks, type MyTaskGroup } from './components/my-tasks';
export { toCardData } from './components/serialize';
export { DeleteTaskButton, DoneToggle } from './components/task-actions';
export { TaskBoard } from './components/task-board';
export { PRIORITY_COLORS, type TaskCardData } from './components/task-card';
export { TaskChecklist } from './components/task-checklist';
export { TaskComments } from './components/task-comments';
export { TaskForm } from './components/task-form';
export { TaskBrowser } from './components/task-browser';
