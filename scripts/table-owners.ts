/**
 * Who owns each table: the one module (`src/modules/<name>`) that alone writes it, or an
 * infrastructure area (`server/<area>`) for tables that no module owns. Keys are the identifiers
 * exported by `src/server/db/schema/*.ts`. A change that must touch another module's table emits a
 * domain event, and the owner's subscriber writes it (ARCHITECTURE.md, "The module contract").
 *
 * `npm run check:owners` fails on a write by anyone else, and on a schema table missing here.
 */

/** Writers and owners starting with this are infrastructure: they may write each other's tables. */
export const INFRASTRUCTURE_PREFIX = 'server/';

export const TABLE_OWNERS: Record<string, string> = {
  // better-auth's tables and our sign-in throttle: written by better-auth and server/auth only.
  user: 'server/auth',
  session: 'server/auth',
  account: 'server/auth',
  verification: 'server/auth',
  rateLimit: 'server/auth',
  authThrottle: 'server/auth',

  businesses: 'businesses',
  // The signed-in user's preferences (last business, locale, time zone).
  userSettings: 'businesses',
  personnel: 'personnel',
  invitations: 'personnel',
  apiKeys: 'api-keys',
  auditLog: 'audit',
  accountAuditLog: 'audit',

  customers: 'customers',
  tags: 'customers',
  customerTags: 'customers',
  segments: 'customers',
  customerNotes: 'customers',
  purchases: 'purchases',
  purchaseItems: 'purchases',
  imports: 'imports',

  interactions: 'interactions',
  interactionCustomers: 'interactions',
  interactionPersonnel: 'interactions',
  messageTemplates: 'interactions',
  outboxMessages: 'interactions',

  reminders: 'reminders',
  reminderOccurrences: 'reminders',
  notifications: 'notifications',
  notificationPreferences: 'notifications',

  pipelines: 'deals',
  pipelineStages: 'deals',
  deals: 'deals',
  quotes: 'quotes',
  quoteItems: 'quotes',
  contracts: 'contracts',

  // Templates of projects (made from a won deal or by hand): the projects module edits them.
  projectTemplates: 'projects',
  projects: 'projects',
  projectMembers: 'projects',
  // A project's board columns.
  taskStatuses: 'projects',
  tasks: 'tasks',
  taskAssignees: 'tasks',
  taskChecklistItems: 'tasks',
  taskComments: 'tasks',
};
