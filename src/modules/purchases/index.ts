import 'server-only';

export * as endpoints from './endpoints';
export { MAX_PURCHASE_IMPORT_ROWS } from './csv-import';
export { purchasesCustomerMergeSubscriber } from './customer-merge';
