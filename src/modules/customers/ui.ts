// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { CustomerActions } from './components/customer-actions';
export { CustomerForm } from './components/customer-form';
export { CustomerList } from './components/customer-list';
export { CustomerNotes } from './components/customer-notes';
export { CustomerTags } from './components/customer-tags';
export { TagManager } from './components/tag-manager';
export { type ListPage, type ListQuery } from './components/types';
