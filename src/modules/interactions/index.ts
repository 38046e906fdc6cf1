import 'server-only';

export * as endpoints from './endpoints';
export { outboxWorker } from './jobs';
export { logCustomerNote } from './mutations';
export { sendDocumentEmail } from './outbox';
export { findCustomerOptions, findInteractions, findOutbox, getCustomerOptions, listPersonnelOptions, listTemplates } from './queries';
export { interactionsCustomerMergeSubscriber } from './customer-merge';
export { provideAttachmentRenderer } from './attachments';
