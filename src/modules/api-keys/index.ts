import 'server-only';

export * as endpoints from './endpoints';
export { verifyApiKey } from './mutations';
export { findApiKeys } from './queries';
