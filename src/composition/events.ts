import 'server-only';
import { registerSubscribers, workDomainEventJobs, DOMAIN_EVENTS_QUEUE } from '@/server/events/domain';
import type { JobWorker } from '@/server/jobs/worker';
import { auditSubscriber } from '@/modules/audit';
import { notificationSubscribers } from '@/modules/notifications';
import { taskSubscribers } from '@/modules/tasks';

/**
 * Every module's event subscribers. Importing this file registers them; each entry point (the
 * Next server through src/instrumentation.ts, `npm run worker`, the scripts and the tests' setup)
 * imports it before it serves anything. docs/decisions/008-module-contract.md lists each effect.
 */
registerSubscribers([
  auditSubscriber,
  ...taskSubscribers,
  ...notificationSubscribers,
]);

/** The worker of the job subscribers' queue. */
export const domainEventWorker: JobWorker = { queues: [DOMAIN_EVENTS_QUEUE], work: workDomainEventJobs };
