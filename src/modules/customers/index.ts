import 'server-only';

export * as endpoints from './endpoints';
export { CustomerActions } from './components/customer-actions';
export { CustomerForm } from './components/customer-form';
export { CustomerList } from './components/customer-list';
export { CustomerNotes } from './components/customer-notes';
export { CustomerTags } from './components/customer-tags';
export { TagManager } from './components/tag-manager';
export { type ListPage, type ListQuery } from './components/types';
export { customerRowsResponse, duplicatesResponse, exportCsvResponse } from './http';
export { countCustomers, findCompanyPeople, findCustomers, findNotes, findOwnerOptions, findSegments, findTags, getCompanyOption, getCustomer } from './queries';
