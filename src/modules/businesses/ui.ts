// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { BusinessEditor } from './components/business-editor';
export { BusinessForm } from './components/business-form';
export { BusinessLogo } from './components/business-logo';
export { DeleteBusiness } from './components/delete-business';
export { UserTimeZoneForm } from './components/user-time-zone-form';
export { TaskReminderForm } from './components/task-reminder-form';
