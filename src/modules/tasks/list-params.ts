import { dayParam, listParam, sortParamOf, sortText, textParam, uuidParam, type SearchParamsRecord } from '@/lib/list-params';
import { TASK_CATEGORIES, TASK_PRIORITIES, TASK_SORTS, type TaskCategory, type TaskPriority, type TaskSort } from './schemas';

/**
 * The task list's state as its URL keeps it ("my tasks" and a project's list). `assignee` is
 * `any` for everyone's tasks; left out, it is the signed-in person's.
 */
export type TaskListState = {
  search?: string;
  categories?: TaskCategory[];
  priorities?: TaskPriority[];
  assignee: 'me' | 'any' | string;
  projectId?: string;
  dueFrom?: string;
  dueTo?: string;
  sort: TaskSort;
  dir: 'asc' | 'desc';
  cursor?: string;
};

export const DEFAULT_TASK_ORDER = { sort: 'due', dir: 'asc' } as const;

export function readTaskListParams(params: SearchParamsRecord): TaskListState {
  const dueFrom = dayParam(params, 'dueFrom');
  const dueTo = dayParam(params, 'dueTo');
  const assignee = textParam(params, 'assignee', 36);
  return {
    search: textParam(params, 'q'),
    categories: listParam(params, 'status', TASK_CATEGORIES),
    priorities: listParam(params, 'priority', TASK_PRIORITIES),
    assignee: assignee === 'any' ? 'any' : (uuidParam(params, 'assignee') ?? 'me'),
    projectId: uuidParam(params, 'projectId'),
    dueFrom,
    dueTo: dueFrom && dueTo && dueTo < dueFrom ? undefined : dueTo,
    ...sortParamOf<TaskSort>(params, TASK_SORTS, DEFAULT_TASK_ORDER),
    cursor: textParam(params, 'cursor', 600),
  };
}

export function taskListParams(state: TaskListState): Record<string, string | readonly string[] | undefined> {
  const isDefaultOrder = state.sort === DEFAULT_TASK_ORDER.sort && state.dir === DEFAULT_TASK_ORDER.dir;
  return {
    q: state.search,
    status: state.categories,
    priority: state.priorities,
    assignee: state.assignee === 'me' ? undefined : state.assignee,
    projectId: state.projectId,
    dueFrom: state.dueFrom,
    dueTo: state.dueTo,
    sort: isDefaultOrder ? undefined : sortText(state.sort, state.dir),
    cursor: state.cursor,
  };
}

/** Whether the list asks for more than "my tasks" as they are grouped by default. */
export function isTaskSearch(state: TaskListState): boolean {
  return Boolean(
    state.search || state.categories?.length || state.priorities?.length || state.assignee !== 'me' || state.projectId || state.dueFrom || state.dueTo || state.cursor,
  ) || state.sort !== DEFAULT_TASK_ORDER.sort || state.dir !== DEFAULT_TASK_ORDER.dir;
}
