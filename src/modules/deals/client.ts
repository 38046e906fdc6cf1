export { formatMoney, minorToInputText } from './money';
export { dealFiltersSchema } from './schemas';
