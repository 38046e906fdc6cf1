import 'server-only';
export { customerImportWorker } from './jobs';
export { ImportDeleteButton } from './components/import-delete-button';
export { ImportProgress } from './components/import-progress';
export { ImportSetup } from './components/import-setup';
export { ImportUpload } from './components/import-upload';
export { IMPORT_STATUS_COLOR } from './components/status';
export { readCsv, type CsvRecord } from './csv';
export { findImportErrors, findImports, getImport, previewImport } from './queries';
