// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { ActivityFilters } from './components/activity-filters';
export { CustomerTimeline } from './components/customer-timeline';
export { formatInstant } from './components/format';
export { InteractionList } from './components/interaction-list';
export { NewInteractionButton } from './components/new-interaction-button';
export { TemplateManager } from './components/template-manager';
export { MessageDelivery } from './components/message-delivery';
