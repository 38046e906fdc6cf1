import 'server-only';

export * as endpoints from './endpoints';
export { dealsWonWorker } from './jobs';
export { CustomerProjects } from './components/customer-projects';
export { ProjectActions } from './components/project-actions';
export { ProjectForm } from './components/project-form';
export { ProjectList, STATUS_COLORS } from './components/project-list';
export { StatsTable } from './components/stats-table';
export { StatusManager } from './components/status-manager';
export { TemplateManager } from './components/template-manager';
export { findPersonnelOptions, findProjectOptions, findProjectTemplates, findProjects, findTemplateTasks, getProject, projectScope, projectVisible } from './queries';
