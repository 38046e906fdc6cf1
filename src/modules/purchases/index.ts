import 'server-only';

export * as endpoints from './endpoints';
export { CustomerPurchases } from './components/customer-purchases';
export { PurchaseImport } from './components/purchase-import';
export { MAX_PURCHASE_IMPORT_ROWS } from './csv-import';
export { refreshCustomerPurchaseSummary } from './mutations';
