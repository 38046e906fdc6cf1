export { CURRENCIES } from './schemas';
