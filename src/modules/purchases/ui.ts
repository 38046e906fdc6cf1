// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { CustomerPurchases } from './components/customer-purchases';
export { PurchaseImport } from './components/purchase-import';
