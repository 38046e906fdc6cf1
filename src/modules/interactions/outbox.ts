import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { businesses, messageTemplates, outboxMessages, personnel, type OutboxAttachmentRef } from '@/server/db/schema';
import { getDb, type Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { publishEvent } from '@/server/events/publish';
import { createMailTransport, isMailConfigured, mailFromAddress } from '@/server/mail/transport';
import { getSmsProvider, SmsError } from '@/server/sms';
import { enqueueOutboxDelivery } from '@/server/jobs/outbox';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { emitChange } from '@/server/events/domain';
import { insertInteraction } from './mutations';
import { getCustomerContact, getSenderContext } from './queries';
import { escapeHtml, renderTemplate, templateValues } from './render';
import type { MessageChannel, sendEmailSchema, sendSmsSchema } from './schemas';
import { renderAttachments } from './attachments';

/** How often a message is tried before it is marked failed (pg-boss retries in between). */
export const MAX_ATTEMPTS = 5;

async function checkTemplate(db: Executor, ctx: Ctx, id: string | null, channel: MessageChannel): Promise<void> {
  if (!id) return;
  const [row] = await db
    .select({ id: messageTemplates.id })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.businessId, ctx.businessId), eq(messageTemplates.id, id), eq(messageTemplates.channel, channel)));
  if (!row) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND', { templateId: 'invalid' });
}

type Message = {
  channel: MessageChannel;
  to: string;
  subject: string | null;
  body: string;
  customerId: string;
  templateId: string | null;
  attachments?: OutboxAttachmentRef[];
};

/**
 * Logs the message as an outbound interaction and puts it in the outbox, in one transaction. With
 * a way to send it (SMTP, an SMS provider) it is queued and a job sends it after the commit;
 * otherwise it is held in the outbox. A rollback leaves neither the interaction, the row nor the job.
 */
async function recordMessage(db: Executor, ctx: Ctx, message: Message, send: { provider: string | null; queue: boolean }) {
  const outboxId = newId();
  const now = new Date();
  const interactionId = await db.transaction(async (tx) => {
    const id = await insertInteraction(tx, ctx, {
      type: message.channel,
      direction: 'outbound',
      occurredAt: now,
      durationMinutes: null,
      subject: message.subject,
      body: message.body,
      outcome: null,
      customerIds: [message.customerId],
      personnelIds: [ctx.personnelId],
    });
    await tx.insert(outboxMessages).values({
      businessId: ctx.businessId,
      id: outboxId,
      channel: message.channel,
      toAddress: message.to,
      subject: message.subject,
      body: message.body,
      status: send.queue ? 'queued' : 'held',
      provider: send.provider,
      interactionId: id,
      customerId: message.customerId,
      sentById: ctx.personnelId,
      attachments: message.attachments ?? [],
      // Set here, not by the database's now(): the outbox pages with a millisecond cursor.
      createdAt: now,
    });
    await emitChange(tx, ctx, {
      action: 'create',
      entityType: 'outbox_message',
      entityId: outboxId,
      meta: { channel: message.channel, templateId: message.templateId },
    });
    if (send.queue) await enqueueOutboxDelivery(tx, { businessId: ctx.businessId, id: outboxId });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'outbox.created', id: outboxId, actorUserId: ctx.userId });
    return id;
  });
  return { interactionId, outboxId, status: send.queue ? ('queued' as const) : ('held' as const) };
}

/**
 * An e-mail to one customer, its subject and text filled in from the customer, the business and the
 * sender. One-to-one mail is not marketing: it goes out without e-mail consent (the form shows it).
 */
export async function sendEmail(db: Executor, ctx: Ctx, input: z.output<typeof sendEmailSchema>) {
  const customer = await getCustomerContact(db, ctx, input.customerId);
  const to = customer.emails[0];
  if (!to) throw new AppError('VALIDATION', 'interactions.errors.noEmail', { customerId: 'email' });
  await checkTemplate(db, ctx, input.templateId, 'email');
  const sender = await getSenderContext(db, ctx);
  const values = templateValues({ customer, business: sender.business, personnel: sender.personnel });
  const message = {
    channel: 'email' as const,
    to,
    // A header cannot hold a line break.
    subject: renderTemplate(input.subject, values).replace(/[\r\n]+/g, ' ').trim(),
    body: renderTemplate(input.body, values),
    customerId: customer.id,
    templateId: input.templateId,
  };
  const configured = isMailConfigured();
  return recordMessage(db, ctx, message, { provider: configured ? 'smtp' : null, queue: configured });
}

/**
 * An e-mail written by another module (a quote, say) with documents attached by reference: logged
 * on the customer's timeline and put in the outbox like any other, in the caller's transaction when
 * one is given. The job renders the attachments when it sends the message.
 */
export async function sendDocumentEmail(
  db: Executor,
  ctx: Ctx,
  input: { customerId: string; to: string; subject: string; body: string; attachments: OutboxAttachmentRef[] },
) {
  const configured = isMailConfigured();
  const message = {
    channel: 'email' as const,
    to: input.to,
    subject: input.subject.replace(/[\r\n]+/g, ' ').trim(),
    body: input.body,
    customerId: input.customerId,
    templateId: null,
    attachments: input.attachments,
  };
  return recordMessage(db, ctx, message, { provider: configured ? 'smtp' : null, queue: configured });
}

/** An SMS to the customer's first phone number, through the configured provider or into the outbox. */
export async function sendSms(db: Executor, ctx: Ctx, input: z.output<typeof sendSmsSchema>) {
  const customer = await getCustomerContact(db, ctx, input.customerId);
  const to = customer.phones[0];
  if (!to) throw new AppError('VALIDATION', 'interactions.errors.noPhone', { customerId: 'phone' });
  await checkTemplate(db, ctx, input.templateId, 'sms');
  const sender = await getSenderContext(db, ctx);
  const values = templateValues({ customer, business: sender.business, personnel: sender.personnel });
  const provider = getSmsProvider();
  const message = { channel: 'sms' as const, to, subject: null, body: renderTemplate(input.body, values), customerId: customer.id, templateId: input.templateId };
  return recordMessage(db, ctx, message, { provider: provider.holds ? null : provider.name, queue: !provider.holds });
}

/** Plain text as HTML: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  return `<div style="font-family:sans-serif;font-size:14px;line-height:1.5">${escapeHtml(text).replace(/\r?\n/g, '<br>\n')}</div>`;
}

type Delivery = 'sent' | 'already-done' | 'failed' | 'retry';

class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** SMTP answers 5xx for a permanent refusal (unknown mailbox, rejected content). */
function mailFailure(err: unknown): DeliveryFailure {
  const e = err as { responseCode?: number; response?: string; code?: string; message?: string };
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  const text = e.response ?? e.message ?? String(err);
  return new DeliveryFailure(`SMTP: ${text}`.slice(0, 500), permanent);
}

/**
 * Sends one outbox message; what the `outbox.send` job runs. The row is claimed with a conditional
 * UPDATE … WHERE status = 'queued' that marks it sent, in a transaction that stays open while the
 * message goes out: a second delivery of the job waits on the row lock and then finds it sent (or,
 * if the send failed and the claim rolled back, queued again), so the message goes out once.
 * A temporary failure is rethrown for pg-boss to retry; a permanent one, or the last attempt, marks
 * the row failed with a readable error.
 */
export async function deliverOutboxMessage(ref: { businessId: string; id: string }, db: Executor = getDb()): Promise<Delivery> {
  const where = and(eq(outboxMessages.businessId, ref.businessId), eq(outboxMessages.id, ref.id));
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(outboxMessages)
        .set({ status: 'sent', sentAt: sql`now()`, attempts: sql`${outboxMessages.attempts} + 1`, error: null })
        .where(and(where, eq(outboxMessages.status, 'queued')))
        .returning();
      if (!row) return 'already-done';
      let providerMessageId: string;
      let provider: string;
      if (row.channel === 'email') {
        const transport = createMailTransport();
        if (!transport) throw new DeliveryFailure('SMTP_URL is not set on the server that sends mail.', false);
        const [from] = await tx
          .select({ business: businesses.name, replyTo: sql<string | null>`coalesce(${personnel.email}, ${businesses.email})` })
          .from(businesses)
          .leftJoin(personnel, and(eq(personnel.businessId, businesses.id), eq(personnel.id, row.sentById ?? sql`null`)))
          .where(eq(businesses.id, row.businessId));
        const attachments = await renderAttachments(tx, row.businessId, row.attachments);
        try {
          const info = await transport.sendMail({
            ...(attachments.length ? { attachments } : {}),
            from: { name: from?.business ?? 'Tezgah', address: mailFromAddress() },
            ...(from?.replyTo ? { replyTo: from.replyTo } : {}),
            to: row.toAddress,
            subject: row.subject ?? '',
            text: row.body,
            html: textToHtml(row.body),
            // Derived from the row: should a crash after the server's "accepted" resend it, mail
            // systems can drop the duplicate.
            messageId: `<${row.id}@tezgah.invalid>`,
          });
          providerMessageId = info.messageId;
          provider = 'smtp';
        } catch (err) {
          throw mailFailure(err);
        } finally {
          transport.close();
        }
      } else {
        const sms = getSmsProvider();
        if (sms.holds) throw new DeliveryFailure('No SMS provider is configured on the server that sends messages.', false);
        try {
          providerMessageId = (await sms.send(row.toAddress, row.body)).providerMessageId;
          provider = sms.name;
        } catch (err) {
          if (err instanceof SmsError) throw new DeliveryFailure(err.message, err.permanent);
          throw new DeliveryFailure(`SMS: ${(err as Error).message ?? String(err)}`.slice(0, 500), false);
        }
      }
      await tx.update(outboxMessages).set({ providerMessageId, provider }).where(where);
      await publishEvent(tx, { businessId: ref.businessId, kind: 'outbox.updated', id: ref.id, actorUserId: null });
      return 'sent';
    });
  } catch (err) {
    const failure = err instanceof DeliveryFailure ? err : new DeliveryFailure((err as Error)?.message ?? String(err), false);
    // The claim rolled back: the row is queued again. Count the attempt and keep the error.
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(outboxMessages)
        .set({
          attempts: sql`${outboxMessages.attempts} + 1`,
          error: failure.message,
          status: failure.permanent ? 'failed' : sql`case when ${outboxMessages.attempts} + 1 >= ${MAX_ATTEMPTS} then 'failed'::outbox_status else 'queued'::outbox_status end`,
        })
        .where(and(where, eq(outboxMessages.status, 'queued')))
        .returning({ status: outboxMessages.status });
      if (!row) return 'already-done' as const;
      await publishEvent(tx, { businessId: ref.businessId, kind: 'outbox.updated', id: ref.id, actorUserId: null });
      return row.status === 'failed' ? ('failed' as const) : ('retry' as const);
    });
    if (outcome === 'retry') throw failure;
    return outcome;
  }
}
