import 'server-only';
export { customerImportWorker } from './jobs';
