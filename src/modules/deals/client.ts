export { dealFiltersSchema } from './schemas';
