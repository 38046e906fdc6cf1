import 'server-only';

export * as endpoints from './endpoints';
export { respondToQuote } from './mutations';
export { quotePdfFileName, renderQuotePdf } from './pdf';
export { findQuotes, getDealForQuote, getQuote, getQuoteDocument, getQuoteDocumentByTokenHash, getQuoteDocumentForJob, getQuoteItems } from './queries';
export { renderQuoteAttachment } from './attachment';
