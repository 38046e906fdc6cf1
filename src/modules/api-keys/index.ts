import 'server-only';

export * as endpoints from './endpoints';
export { verifyApiKey } from './mutations';
export { ApiKeysManager } from './components/api-keys-manager';
export { ApiReference, type OpenApiDoc } from './components/api-reference';
export { findApiKeys } from './queries';
