import 'server-only';

export * as endpoints from './endpoints';
export { DealQuotes } from './components/deal-quotes';
export { QuoteActions } from './components/quote-actions';
export { QuoteEditor } from './components/quote-editor';
export { QuoteLines } from './components/quote-lines';
export { QuoteStatusBadge } from './components/quote-status-badge';
export { QuotesTable } from './components/quotes-table';
export { RespondButtons } from './components/respond-buttons';
export { respondToQuote } from './mutations';
export { quotePdfFileName, renderQuotePdf } from './pdf';
export { findQuotes, getDealForQuote, getQuote, getQuoteDocument, getQuoteDocumentByTokenHash, getQuoteDocumentForJob, getQuoteItems } from './queries';
