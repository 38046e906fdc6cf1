import 'server-only';

export * as endpoints from './endpoints';
export { AcceptInvitationButton } from './components/accept-invitation-button';
export { PersonnelDetailActions } from './components/personnel-detail-actions';
export { PersonnelForm } from './components/personnel-form';
export { previewInvitation } from './mutations';
export { countPersonnel, findPersonnel, getPersonnel, type PersonnelRecord } from './queries';
