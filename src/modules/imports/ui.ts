// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { ImportDeleteButton } from './components/import-delete-button';
export { ImportProgress } from './components/import-progress';
export { ImportSetup } from './components/import-setup';
export { ImportUpload } from './components/import-upload';
export { IMPORT_STATUS_COLOR } from './components/status';
