// Browser-safe pieces pages need besides the components: how the project list reads its URL.
export { readProjectListParams, type ProjectListState } from './list-params';
