import 'server-only';

export * as endpoints from './endpoints';
export { ensureDefaultPipeline } from './mutations';
export { businessCurrency, countOpenDeals, findDealEvents, findDeals, getBoard, getDeal, listPipelines, listProjectTemplateOptions, stageNames } from './queries';
export { dealsCustomerMergeSubscriber } from './customer-merge';
