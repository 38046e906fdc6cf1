import 'server-only';

export * as endpoints from './endpoints';
export { dealsWonWorker } from './jobs';
export { projectsCustomerMergeSubscriber } from './customer-merge';
export { projectsDealLinkSubscriber } from './deal-link';
export { countProjects, findPersonnelOptions, findProjectOptions, findProjectTemplates, findProjects, findProjectsPage, findTemplateTasks, getProject, projectScope, projectVisible } from './queries';
