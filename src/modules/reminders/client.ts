export { formatWallClock, isDateTimeText, startOfTomorrow } from './dates';
export { reminderButtons } from './permissions';
