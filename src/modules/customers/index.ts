import 'server-only';

export * as endpoints from './endpoints';
export { customerRowsResponse, duplicatesResponse, exportCsvResponse } from './http';
export { countCustomers, findCompanyPeople, findCustomers, findNotes, findOwnerOptions, findSegments, findTags, getCompanyOption, getCustomer, seesPurchaseFigures } from './queries';
export { lastInteractionSubscriber, purchaseSummarySubscriber, wonDealCustomerSubscriber } from './subscribers';
export { insertCustomersInBulk, updateCustomerInBulk, type CustomerBulkFields, type NewCustomerRow } from './bulk';
