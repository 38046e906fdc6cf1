import 'server-only';

export * as endpoints from './endpoints';
export { previewInvitation } from './mutations';
export { countPersonnel, findPersonnel, getPersonnel, type PersonnelRecord } from './queries';
export { businessOwnerSubscriber } from './subscribers';
