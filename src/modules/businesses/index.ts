import 'server-only';

export * as endpoints from './endpoints';
export { findLandingBusinessId } from './queries';
