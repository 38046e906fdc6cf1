import 'server-only';
import { startWorker as startJobsRuntime, type JobWorker } from '@/server/jobs/worker';
import { domainEventWorker } from './wiring';
import { customerImportWorker } from '@/modules/imports';
import { outboxWorker } from '@/modules/interactions';
import { notificationWorker } from '@/modules/notifications';
import { dealsWonWorker } from '@/modules/projects';

/** Every module's job workers; the app process and `npm run worker` both start this list. */
export const JOB_WORKERS: readonly JobWorker[] = [
  outboxWorker,
  customerImportWorker,
  // Due reminders and tasks due within the hour: the notifications module's pass.
  notificationWorker(),
  dealsWonWorker,
  domainEventWorker,
];

export function startWorker(): Promise<{ queues: string[] }> {
  return startJobsRuntime(JOB_WORKERS);
}

export { stopWorker } from '@/server/jobs/worker';
