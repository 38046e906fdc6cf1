import 'server-only';
import type { Executor } from '@/server/db/client';
import { renderQuotePdf, quotePdfFileName } from './pdf';
import { getQuoteDocumentForJob } from './queries';

/** A quote attached to an e-mail: its PDF as the quote is when the message goes out. */
export async function renderQuoteAttachment(db: Executor, businessId: string, id: string) {
  const doc = await getQuoteDocumentForJob(db, businessId, id);
  if (!doc) return null;
  return { filename: quotePdfFileName(doc), content: await renderQuotePdf(doc), contentType: 'application/pdf' };
}
