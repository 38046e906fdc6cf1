import 'server-only';

export * as endpoints from './endpoints';
export { findLandingBusinessId } from './queries';
export { BusinessForm } from './components/business-form';
export { BusinessLogo } from './components/business-logo';
export { DeleteBusiness } from './components/delete-business';
export { rememberLastBusiness } from './mutations';
export { findLandingBusinessSlug, findUserBusinesses, getBusiness } from './queries';
export { CURRENCIES } from './schemas';
