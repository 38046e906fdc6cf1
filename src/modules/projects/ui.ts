// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { CustomerProjects } from './components/customer-projects';
export { ProjectActions } from './components/project-actions';
export { ProjectForm } from './components/project-form';
export { ProjectList, STATUS_COLORS } from './components/project-list';
export { StatsTable } from './components/stats-table';
export { StatusManager } from './components/status-manager';
export { TemplateManager } from './components/template-manager';
export { ProjectBrowser } from './components/project-browser';
