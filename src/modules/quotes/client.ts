export { quoteNumberText } from './number';
export { optionalDate, respondQuoteSchema } from './schemas';
