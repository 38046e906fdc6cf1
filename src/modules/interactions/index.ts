import 'server-only';

export * as endpoints from './endpoints';
export { outboxWorker } from './jobs';
