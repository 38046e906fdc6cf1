import { choiceParam, dayParam, listParam, sortParamOf, sortText, textParam, uuidParam, type SearchParamsRecord } from '@/lib/list-params';
import { PROJECT_SORTS, PROJECT_STATUSES, PROJECT_VIEWS, type ProjectSort, type ProjectStatus, type ProjectView } from './schemas';

/** The project list's state as its URL keeps it: the API's parameter names, plus `q` and `view`. */
export type ProjectListState = {
  search?: string;
  statuses?: ProjectStatus[];
  customerId?: string;
  ownerId?: string;
  dueFrom?: string;
  dueTo?: string;
  sort: ProjectSort;
  dir: 'asc' | 'desc';
  view: ProjectView;
  cursor?: string;
};

export const DEFAULT_PROJECT_ORDER = { sort: 'created', dir: 'desc' } as const;

export function readProjectListParams(params: SearchParamsRecord): ProjectListState {
  const dueFrom = dayParam(params, 'dueFrom');
  const dueTo = dayParam(params, 'dueTo');
  return {
    search: textParam(params, 'q'),
    statuses: listParam(params, 'status', PROJECT_STATUSES),
    customerId: uuidParam(params, 'customerId'),
    ownerId: uuidParam(params, 'ownerId'),
    dueFrom,
    // A range that ends before it starts is dropped at the end, as the API would refuse it.
    dueTo: dueFrom && dueTo && dueTo < dueFrom ? undefined : dueTo,
    ...sortParamOf<ProjectSort>(params, PROJECT_SORTS, DEFAULT_PROJECT_ORDER),
    view: choiceParam(params, 'view', PROJECT_VIEWS, 'cards'),
    cursor: textParam(params, 'cursor', 600),
  };
}

/** The URL parameters of a state; the defaults are left out. */
export function projectListParams(state: ProjectListState): Record<string, string | readonly string[] | undefined> {
  const isDefaultOrder = state.sort === DEFAULT_PROJECT_ORDER.sort && state.dir === DEFAULT_PROJECT_ORDER.dir;
  return {
    q: state.search,
    status: state.statuses,
    customerId: state.customerId,
    ownerId: state.ownerId,
    dueFrom: state.dueFrom,
    dueTo: state.dueTo,
    sort: isDefaultOrder ? undefined : sortText(state.sort, state.dir),
    view: state.view === 'cards' ? undefined : state.view,
    cursor: state.cursor,
  };
}

export function hasProjectFilters(state: ProjectListState): boolean {
  return Boolean(state.search || state.statuses?.length || state.customerId || state.ownerId || state.dueFrom || state.dueTo);
}
