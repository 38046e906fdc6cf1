import 'server-only';
import type { Queue } from 'pg-boss';

/**
 * Every queue and its settings, created (or updated) when a process first uses pg-boss. A queue
 * with `notify` wakes a worker in any process the moment a job commits, instead of at its next poll.
 */
export const QUEUES = {
  /**
   * Account e-mails (invitations, password resets). The data holds the link with its token, so a
   * finished job is deleted after an hour; an unsent one waits as long as an invitation is valid.
   */
  'mail.auth': {
    policy: 'standard',
    notify: true,
    retryLimit: 6,
    retryDelay: 10,
    retryBackoff: true,
    retryDelayMax: 15 * 60,
    expireInSeconds: 60,
    retentionSeconds: 7 * 24 * 3600,
    deleteAfterSeconds: 3600,
  },
  /**
   * E-mails and SMS to customers (outbox_messages). The job holds only the row's id; the row
   * records the outcome, so finished jobs go after a day.
   */
  'outbox.send': {
    policy: 'standard',
    notify: true,
    retryLimit: 6,
    retryDelay: 15,
    retryBackoff: true,
    retryDelayMax: 30 * 60,
    expireInSeconds: 120,
    retentionSeconds: 7 * 24 * 3600,
    deleteAfterSeconds: 24 * 3600,
  },
  /**
   * The reminder notifier: one pass over the reminders that fell due. Each pass queues the next a
   * few seconds later, and a cron every minute restarts the chain should it break. `stately`
   * keeps at most one pass waiting and one running, however many processes work the queue.
   */
  'reminders.notify': {
    policy: 'stately',
    retryLimit: 2,
    retryDelay: 5,
    expireInSeconds: 120,
    deleteAfterSeconds: 600,
  },
  /**
   * A notification e-mail, keyed on the notification; sent once (see notifier.ts). Woken by NOTIFY
   * like the others; its worker takes batches and fetches again at once while they come back full,
   * so a backlog queued while no worker listened (a restart) drains without a 30-second wait per batch.
   */
  'notifications.email': {
    policy: 'standard',
    notify: true,
    retryLimit: 6,
    retryDelay: 10,
    retryBackoff: true,
    retryDelayMax: 15 * 60,
    expireInSeconds: 60,
    retentionSeconds: 7 * 24 * 3600,
    deleteAfterSeconds: 24 * 3600,
  },
  /**
   * CSV imports of customers. A job may run for minutes, so a dead worker is noticed by its missing
   * heartbeat rather than by the expiry; the retry goes on from the last committed batch.
   */
  'import.customers': {
    policy: 'standard',
    notify: true,
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
    retryDelayMax: 5 * 60,
    expireInSeconds: 6 * 3600,
    heartbeatSeconds: 30,
    retentionSeconds: 7 * 24 * 3600,
    deleteAfterSeconds: 7 * 24 * 3600,
  },
  /**
   * A deal entered a won stage: the projects worker makes its project (a unique index on the
   * deal keeps it to one, should the job run twice). Sent in the move's transaction.
   */
  'deals.won': {
    policy: 'standard',
    notify: true,
    retryLimit: 6,
    retryDelay: 10,
    retryBackoff: true,
    retryDelayMax: 15 * 60,
    expireInSeconds: 120,
    retentionSeconds: 7 * 24 * 3600,
    deleteAfterSeconds: 7 * 24 * 3600,
  },
  /**
   * Domain events handled after their commit by a job subscriber (src/server/events/domain.ts):
   * each job names its subscriber and carries the event (ids only, no personal data).
   */
  'events.handle': {
    policy: 'standard',
    notify: true,
    retryLimit: 6,
    retryDelay: 10,
    retryBackoff: true,
    retryDelayMax: 15 * 60,
    expireInSeconds: 300,
    retentionSeconds: 7 * 24 * 3600,
    deleteAfterSeconds: 7 * 24 * 3600,
  },
} as const satisfies Record<string, Omit<Queue, 'name'>>;

export type QueueName = keyof typeof QUEUES;
