import 'server-only';
export { findAuditEntries } from './queries';
export { auditSubscriber } from './subscribers';
