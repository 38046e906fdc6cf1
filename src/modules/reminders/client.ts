export { reminderButtons } from './permissions';
