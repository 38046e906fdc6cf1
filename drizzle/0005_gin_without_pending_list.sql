-- Duplicate checks look up many e-mails and phones at once (an import batch of 500 rows); with
-- GIN's pending list every lookup scans all entries not yet merged, which grows with each insert.
ALTER INDEX "customers_emails_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "customers_phones_idx" SET (fastupdate = off);--> statement-breakpoint
SELECT gin_clean_pending_list('customers_emails_idx'::regclass), gin_clean_pending_list('customers_phones_idx'::regclass);
