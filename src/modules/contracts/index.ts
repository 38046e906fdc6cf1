import 'server-only';
export { CustomerContracts } from './components/customer-contracts';
export { DealContracts } from './components/deal-contracts';
export { getContract } from './queries';
