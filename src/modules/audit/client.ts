export { findAuditSchema } from './schemas';
