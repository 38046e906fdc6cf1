import 'server-only';

export * as endpoints from './endpoints';
export { findLandingBusinessId } from './queries';
export { rememberLastBusiness } from './mutations';
export { findLandingBusinessSlug, findUserBusinesses, getBusiness, getBusinessLanguage, getBusinessOwners, getUserTaskReminderMinutes, getUserTimeZone } from './queries';
export { CURRENCIES } from './schemas';
export { findNextSteps, type NextStep } from './next-steps';
