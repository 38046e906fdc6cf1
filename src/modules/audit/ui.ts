// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { AuditFilters } from './components/audit-filters';
