import 'server-only';

export * as endpoints from './endpoints';
export { CustomerDeals } from './components/customer-deals';
export { DealActions } from './components/deal-actions';
export { DealBoard } from './components/deal-board';
export { DealFilters } from './components/deal-filters';
export { DealForm } from './components/deal-form';
export { PipelineSettings } from './components/pipeline-settings';
export { ensureDefaultPipeline } from './mutations';
export { businessCurrency, findDealEvents, findDeals, getBoard, getDeal, listPipelines, listProjectTemplateOptions, stageNames } from './queries';
