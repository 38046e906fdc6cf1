// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { ApiKeysManager } from './components/api-keys-manager';
export { ApiReference, type OpenApiDoc } from './components/api-reference';
