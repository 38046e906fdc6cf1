/**
 * PERMISSIONS.md's table, written out again by hand for the role-matrix tests. It is deliberately
 * not read from src/lib/permissions.ts: a wrong cell there must make those tests fail, which a
 * table computed by `scopeOf` never would.
 *
 * R read, C create, U update, D delete; upper case on every record of the business, lower case
 * only on the person's own ("own": owner field, assignee, project member). A blank is nothing.
 * Where PERMISSIONS.md joins resources in one row the row is repeated: "customers, companies,
 * tags" gives customers and tags (marketing: "R, tags CUD"); "pipelines, stages, templates" gives
 * pipelines and the message templates.
 */
import type { Action, Resource, Role } from '@/lib/permissions';

type Row = Record<Role, string>;

export const PERMISSION_TABLE: Record<Resource, Row> = {
  business: { owner: 'RUD', admin: 'RU', manager: 'R', sales: 'R', support: 'R', marketing: 'R', member: 'R', viewer: 'R' },
  // Managers invite member, sales, support and marketing: create, restricted by role in the operation.
  personnel: { owner: 'RCUD', admin: 'RCUD', manager: 'RC', sales: 'R', support: 'R', marketing: 'R', member: 'R', viewer: 'R' },
  apiKeys: { owner: 'RCUD', admin: 'RCUD', manager: '', sales: '', support: '', marketing: '', member: '', viewer: '' },
  auditLog: { owner: 'R', admin: 'R', manager: '', sales: '', support: '', marketing: '', member: '', viewer: '' },
  privacy: { owner: 'RCUD', admin: 'RCUD', manager: 'R', sales: '', support: '', marketing: '', member: '', viewer: '' },
  customers: { owner: 'RCUD', admin: 'RCUD', manager: 'RCUD', sales: 'RCUd', support: 'RU', marketing: 'R', member: 'R', viewer: 'R' },
  tags: { owner: 'RCUD', admin: 'RCUD', manager: 'RCUD', sales: 'RCU', support: 'RU', marketing: 'RCUD', member: 'R', viewer: 'R' },
  interactions: { owner: 'RCUD', admin: 'RCUD', manager: 'RCUD', sales: 'RCud', support: 'RCud', marketing: 'R', member: 'RCud', viewer: 'R' },
  reminders: { owner: 'RCUD', admin: 'RCUD', manager: 'RCUD', sales: 'rcud', support: 'rcud', marketing: 'rcud', member: 'rcud', viewer: 'R' },
  purchases: { owner: 'RCUD', admin: 'RCUD', manager: 'RCUD', sales: 'RCU', support: 'R', marketing: 'R', member: '', viewer: 'R' },
  pipelines: { owner: 'RCUD', admin: 'RCUD', manager: 'RCUD', sales: 'R', support: '', marketing: '', member: '', viewer: 'R' },
  templates: { owner: 'RCUD', admin: 'RCUD', manager: 'RCUD', sales: 'R', support: '', marketing: '', member: '', viewer: 'R' },
  deals: { owner: 'RCUD', admin: 'RCUD', manager: 'RCUD', sales: 'RCud', support: 'R', marketing: 'R', member: '', viewer: 'R' },
  projects: { owner: 'RCUD', admin: 'RCUD', manager: 'RCUD', sales: 'RCud', support: 'R', marketing: 'R', member: 'ru', viewer: 'R' },
  tasks: { owner: 'RCUD', admin: 'RCUD', manager: 'RCUD', sales: 'rcud', support: 'rcud', marketing: 'rcud', member: 'RCud', viewer: 'R' },
  campaigns: { owner: 'RCUD', admin: 'RCUD', manager: 'RCUD', sales: 'R', support: '', marketing: 'RCUD', member: '', viewer: 'R' },
  tickets: { owner: 'RCUD', admin: 'RCUD', manager: 'RCUD', sales: 'R', support: 'RCUD', marketing: 'R', member: '', viewer: 'R' },
  reports: { owner: 'R', admin: 'R', manager: 'R', sales: 'r', support: 'r', marketing: 'r', member: 'r', viewer: 'R' },
};

const LETTER: Record<Action, string> = { read: 'R', create: 'C', update: 'U', delete: 'D' };

/** What the table above grants: 'all', 'own' or nothing (false). */
export function expectedScope(role: Role, resource: Resource, action: Action): 'all' | 'own' | false {
  const cell = PERMISSION_TABLE[resource][role];
  const letter = LETTER[action];
  if (cell.includes(letter)) return 'all';
  if (cell.includes(letter.toLowerCase())) return 'own';
  return false;
}

/** True when the table lets the role do it on at least its own records. */
export function expectedAllowed(role: Role, resource: Resource, action: Action): boolean {
  return expectedScope(role, resource, action) !== false;
}

/** Only an owner deletes the business or transfers ownership ("yes" in one column only). */
export function expectedDeletesBusiness(role: Role): boolean {
  return role === 'owner';
}
