import 'server-only';
import { registerSubscribers, workDomainEventJobs, DOMAIN_EVENTS_QUEUE } from '@/server/events/domain';
import type { JobWorker } from '@/server/jobs/worker';
import { auditSubscriber } from '@/modules/audit';
import { contractsCustomerMergeSubscriber } from '@/modules/contracts';
import { lastInteractionSubscriber, purchaseSummarySubscriber, wonDealCustomerSubscriber } from '@/modules/customers';
import { dealsCustomerMergeSubscriber } from '@/modules/deals';
import { interactionsCustomerMergeSubscriber, provideAttachmentRenderer } from '@/modules/interactions';
import { notificationSubscribers } from '@/modules/notifications';
import { businessOwnerSubscriber } from '@/modules/personnel';
import { projectsCustomerMergeSubscriber, projectsDealLinkSubscriber } from '@/modules/projects';
import { purchasesCustomerMergeSubscriber } from '@/modules/purchases';
import { renderQuoteAttachment } from '@/modules/quotes';
import { remindersCustomerMergeSubscriber } from '@/modules/reminders';
import { taskSubscribers, tasksCustomerMergeSubscriber } from '@/modules/tasks';

/**
 * What the modules give each other at run time: the event subscribers, and the renderers of the
 * documents attached to e-mails. Importing this file wires them; each entry point (the Next server
 * through src/instrumentation.ts, `npm run worker`, the scripts and the tests' setup) imports it
 * before it serves anything. docs/decisions/009-module-contract.md lists each effect.
 */
registerSubscribers([
  auditSubscriber,
  // A new business gets its owner.
  businessOwnerSubscriber,
  // Customer totals kept on the customer's row.
  lastInteractionSubscriber,
  purchaseSummarySubscriber,
  wonDealCustomerSubscriber,
  // A customer merge: each module moves the rows it owns.
  interactionsCustomerMergeSubscriber,
  purchasesCustomerMergeSubscriber,
  remindersCustomerMergeSubscriber,
  dealsCustomerMergeSubscriber,
  contractsCustomerMergeSubscriber,
  projectsCustomerMergeSubscriber,
  projectsDealLinkSubscriber,
  tasksCustomerMergeSubscriber,
  // Projects and their tasks; notifications of tasks, reminders and won deals.
  ...taskSubscribers,
  ...notificationSubscribers,
]);

// A quote sent by e-mail carries its PDF, rendered by the quotes module when the message goes out.
provideAttachmentRenderer('quote', renderQuoteAttachment);

/** The worker of the job subscribers' queue. */
export const domainEventWorker: JobWorker = { queues: [DOMAIN_EVENTS_QUEUE], work: workDomainEventJobs };
