import 'server-only';

export * as endpoints from './endpoints';
export { dealsWonWorker } from './jobs';
export { findPersonnelOptions, findProjectOptions, findProjectTemplates, findProjects, getProject, projectScope, projectVisible } from './queries';
export { projectsCustomerMergeSubscriber } from './customer-merge';
