import 'server-only';

export * as endpoints from './endpoints';
export { outboxWorker } from './jobs';
export { ActivityFilters } from './components/activity-filters';
export { CustomerTimeline } from './components/customer-timeline';
export { formatInstant } from './components/format';
export { InteractionList } from './components/interaction-list';
export { NewInteractionButton } from './components/new-interaction-button';
export { TemplateManager } from './components/template-manager';
export { logCustomerNote } from './mutations';
export { sendDocumentEmail } from './outbox';
export { findCustomerOptions, findInteractions, findOutbox, getBusinessTimeZone, getCustomerOptions, listPersonnelOptions, listTemplates } from './queries';
