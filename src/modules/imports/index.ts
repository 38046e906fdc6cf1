import 'server-only';
export { customerImportWorker } from './jobs';
export { readCsv, type CsvRecord } from './csv';
export { findImportErrors, findImports, getImport, previewImport } from './queries';
