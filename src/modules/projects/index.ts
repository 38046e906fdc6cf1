import 'server-only';

export * as endpoints from './endpoints';
export { dealsWonWorker } from './jobs';
