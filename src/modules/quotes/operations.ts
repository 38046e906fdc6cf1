import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import { createQuoteSchema, quoteIdSchema, updateQuoteSchema } from './schemas';
import { createQuote, deleteQuote, sendQuote, updateQuote } from './mutations';
import { quoteNumberText } from './number';

export const createQuoteOperation = defineOperation('createQuote', { schema: createQuoteSchema, permission: ['deals', 'create'] }, async (ctx, input) => {
  const data = await createQuote(getDb(), ctx, input);
  return { message: 'quotes.created', values: { number: quoteNumberText(data.number) }, data };
});

export const updateQuoteOperation = defineOperation('updateQuote', { schema: updateQuoteSchema, permission: ['deals', 'update'] }, async (ctx, input) => {
  const data = await updateQuote(getDb(), ctx, input);
  return { message: 'quotes.updated', values: { number: quoteNumberText(data.number) }, data: { version: data.version } };
});

export const deleteQuoteOperation = defineOperation('deleteQuote', { schema: quoteIdSchema, permission: ['deals', 'delete'] }, async (ctx, input) => {
  const data = await deleteQuote(getDb(), ctx, input.id);
  return { message: 'quotes.deleted', values: { number: quoteNumberText(data.number) }, data: null };
});

export const sendQuoteOperation = defineOperation('sendQuote', { schema: quoteIdSchema, permission: ['deals', 'update'] }, async (ctx, input) => {
  const data = await sendQuote(getDb(), ctx, input.id);
  // The token goes only into the e-mail; the caller learns where the message is, not the link.
  // "Sent" is for when the mail server has accepted it: now it is only queued, or held.
  return {
    message: data.status === 'held' ? 'quotes.held' : 'quotes.queued',
    values: { number: quoteNumberText(data.number), email: data.email },
    data: { outboxId: data.outboxId, status: data.status },
  };
});
