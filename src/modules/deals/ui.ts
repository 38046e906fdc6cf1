// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { CustomerDeals } from './components/customer-deals';
export { DealActions } from './components/deal-actions';
export { DealBoard } from './components/deal-board';
export { DealFilters } from './components/deal-filters';
export { DealForm } from './components/deal-form';
export { PipelineSettings } from './components/pipeline-settings';
