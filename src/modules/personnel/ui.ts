// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { AcceptInvitationButton } from './components/accept-invitation-button';
export { PersonnelDetailActions } from './components/personnel-detail-actions';
export { PersonnelForm } from './components/personnel-form';
