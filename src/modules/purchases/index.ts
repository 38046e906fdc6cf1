import 'server-only';

export * as endpoints from './endpoints';
