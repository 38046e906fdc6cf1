export { formatDay, formatMoney, quoteNumberText } from './format';
export { optionalDate, respondQuoteSchema } from './schemas';
