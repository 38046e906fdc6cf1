// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { CustomerContracts } from './components/customer-contracts';
export { DealContracts } from './components/deal-contracts';
