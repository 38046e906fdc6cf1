import 'server-only';
export { AuditFilters } from './components/audit-filters';
export { findAuditEntries } from './queries';
export { auditSubscriber } from './subscribers';
