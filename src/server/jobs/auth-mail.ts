import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { fromDrizzle, type Job, type PgBoss } from 'pg-boss';
import { getPool, type Transaction } from '../db/client';
import { sendAuthMail, type AuthMail } from '../mail/auth-mail';
import { getBoss } from './boss';
import type { QueueName } from './queues';

export const AUTH_MAIL_QUEUE = 'mail.auth' satisfies QueueName;

/** The mail itself; the key only names the job (its id), so it is not stored twice. */
export type AuthMailJob = AuthMail;

/**
 * The job id for a key (an invitation's id, a reset token): a UUID derived from it, so queueing the
 * same mail twice finds the first job (pg-boss inserts with ON CONFLICT DO NOTHING) instead of
 * making a second one.
 */
export function authMailJobId(key: string): string {
  const hex = createHash('sha256').update(`${AUTH_MAIL_QUEUE}:${key}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  // Laid out as an RFC 9562 version-8 ("custom") UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Queues an account e-mail. Given the caller's transaction, the job is part of it: an invitation
 * that rolls back sends nothing, and a worker sees the job only once the invitation is committed.
 * Answers the job id, or null when a job with this key already exists.
 */
export async function enqueueAuthMail(mail: AuthMail, options: { key: string; tx?: Transaction }): Promise<string | null> {
  const boss = await getBoss();
  const data: AuthMailJob = { to: mail.to, subject: mail.subject, text: mail.text };
  return boss.send(AUTH_MAIL_QUEUE, data, {
    id: authMailJobId(options.key),
    ...(options.tx ? { db: fromDrizzle(options.tx, sql) } : {}),
  });
}

/**
 * Sends the mail of a job once, however often pg-boss hands the job out (it delivers at least
 * once: after a crash or an expired lease it runs a job again). Deliveries of one job take turns
 * under an advisory lock; each first asks pg-boss whether the job is already completed, and after
 * sending completes it at once, before anything else can fail. What remains is a crash between the
 * SMTP server's "accepted" and that completion, milliseconds wide; the Message-ID derived from the
 * job lets mail systems drop such a duplicate.
 *
 * Called with a job that pg-boss does not know (a test calling the handler directly), it just sends.
 */
export async function deliverAuthMail(
  job: Pick<Job<AuthMailJob>, 'id' | 'data'>,
  boss?: PgBoss,
): Promise<'sent' | 'already-sent'> {
  const lockKey = `${AUTH_MAIL_QUEUE}:${job.id}`;
  const client = await getPool().connect();
  let broken = false;
  try {
    await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [lockKey]);
    try {
      const jobs = boss ?? (await getBoss());
      const [stored] = await jobs.findJobs<AuthMailJob>(AUTH_MAIL_QUEUE, { id: job.id });
      if (stored?.state === 'completed') return 'already-sent';
      await sendAuthMail(job.data, { messageId: `<${job.id}@tezgah.invalid>` });
      if (stored) await jobs.complete(AUTH_MAIL_QUEUE, job.id, { sentAt: new Date().toISOString() });
      return 'sent';
    } finally {
      await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [lockKey]).catch(() => (broken = true));
    }
  } finally {
    // A connection whose unlock failed may still hold the lock: close it rather than reuse it.
    client.release(broken);
  }
}
