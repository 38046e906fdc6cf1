import 'server-only';
export { getContract } from './queries';
export { contractsCustomerMergeSubscriber } from './customer-merge';
