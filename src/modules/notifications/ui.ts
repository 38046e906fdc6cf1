// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { MarkAllReadButton } from './components/mark-all-read-button';
export { NotificationBell } from './components/notification-bell';
export { NotificationItems } from './components/notification-bell-menu';
export { NotificationPreferencesForm } from './components/notification-preferences-form';
