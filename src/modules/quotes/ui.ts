// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { DealQuotes } from './components/deal-quotes';
export { QuoteActions } from './components/quote-actions';
export { QuoteEditor } from './components/quote-editor';
export { QuoteLines } from './components/quote-lines';
export { QuoteStatusBadge } from './components/quote-status-badge';
export { QuotesTable } from './components/quotes-table';
export { RespondButtons } from './components/respond-buttons';
