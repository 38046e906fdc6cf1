// Browser-safe pieces pages need besides the components: how the task list reads its URL.
export { isTaskSearch, readTaskListParams, type TaskListState } from './list-params';
