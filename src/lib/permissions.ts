/**
 * The one permission table (PERMISSIONS.md). Server checks, the UI (which buttons show) and the
 * role-matrix tests all read it; nothing else decides what a role may do.
 *
 * Each cell is a string of action letters: R read, C create, U update, D delete.
 * An upper-case letter grants the action on every record of the business; a lower-case letter
 * grants it only on the records the person owns or is assigned to ("own"), which the queries
 * enforce with a where clause.
 */

export const ROLES = ['owner', 'admin', 'manager', 'sales', 'support', 'marketing', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

/** What a role may do with a resource: on every record, only its own, or not at all. */
export type Scope = 'all' | 'own' | false;

type Cells = Record<Role, string>;

const MATRIX = {
  //                owner   admin   manager sales   support marketing member  viewer
  business: row('RUD', 'RU', 'R', 'R', 'R', 'R', 'R', 'R'),
  personnel: row('RCUD', 'RCUD', 'RC', 'R', 'R', 'R', 'R', 'R'),
  apiKeys: row('RCUD', 'RCUD', '', '', '', '', '', ''),
  auditLog: row('R', 'R', '', '', '', '', '', ''),
  privacy: row('RCUD', 'RCUD', 'R', '', '', '', '', ''),
  customers: row('RCUD', 'RCUD', 'RCUD', 'RCUd', 'RU', 'R', 'R', 'R'),
  tags: row('RCUD', 'RCUD', 'RCUD', 'RCU', 'RU', 'RCUD', 'R', 'R'),
  interactions: row('RCUD', 'RCUD', 'RCUD', 'RCud', 'RCud', 'R', 'RCud', 'R'),
  reminders: row('RCUD', 'RCUD', 'RCUD', 'rcud', 'rcud', 'rcud', 'rcud', 'R'),
  purchases: row('RCUD', 'RCUD', 'RCUD', 'RCU', 'R', 'R', '', 'R'),
  pipelines: row('RCUD', 'RCUD', 'RCUD', 'R', '', '', '', 'R'),
  // Message templates: the "templates" of the pipelines row. Anyone who may send a message picks
  // from them; see the interactions module.
  templates: row('RCUD', 'RCUD', 'RCUD', 'R', '', '', '', 'R'),
  deals: row('RCUD', 'RCUD', 'RCUD', 'RCud', 'R', 'R', '', 'R'),
  projects: row('RCUD', 'RCUD', 'RCUD', 'RCud', 'R', 'R', 'ru', 'R'),
  tasks: row('RCUD', 'RCUD', 'RCUD', 'rcud', 'rcud', 'rcud', 'RCud', 'R'),
  campaigns: row('RCUD', 'RCUD', 'RCUD', 'R', '', 'RCUD', '', 'R'),
  tickets: row('RCUD', 'RCUD', 'RCUD', 'R', 'RCUD', 'R', '', 'R'),
  reports: row('R', 'R', 'R', 'r', 'r', 'r', 'r', 'R'),
} satisfies Record<string, Cells>;

export type Resource = keyof typeof MATRIX;
export const RESOURCES = Object.keys(MATRIX) as Resource[];

function row(...cells: [string, string, string, string, string, string, string, string]): Cells {
  return Object.fromEntries(ROLES.map((role, i) => [role, cells[i]])) as Cells;
}

const LETTER: Record<Action, string> = { read: 'r', create: 'c', update: 'u', delete: 'd' };

/** The scope a role has for an action on a resource. */
export function scopeOf(role: Role, resource: Resource, action: Action): Scope {
  const cell = MATRIX[resource][role];
  const letter = LETTER[action];
  if (cell.includes(letter.toUpperCase())) return 'all';
  if (cell.includes(letter)) return 'own';
  return false;
}

/**
 * The scope of a caller whose role is limited by other roles: an API key acts with the
 * intersection of its own role and its creator's current role (`limitRoles`), so a creator who
 * loses a power takes it from their keys too. 'all' ∩ 'own' is 'own'; anything ∩ false is false.
 */
export function scopeFor(who: { role: Role; limitRoles?: readonly Role[] }, resource: Resource, action: Action): Scope {
  let scope = scopeOf(who.role, resource, action);
  for (const limit of who.limitRoles ?? []) {
    const other = scopeOf(limit, resource, action);
    if (scope === false || other === false) return false;
    if (other === 'own') scope = 'own';
  }
  return scope;
}

/** True when the role may perform the action on at least some records. */
export function can(role: Role, resource: Resource, action: Action): boolean {
  return scopeOf(role, resource, action) !== false;
}

/**
 * Roles a person may give when creating or changing a personnel record. Owners give any role;
 * admins any but owner; managers may only invite staff in the everyday roles. Nobody can use
 * this to raise their own role: the personnel rules also refuse a change to one's own role.
 */
export function assignableRoles(role: Role): readonly Role[] {
  switch (role) {
    case 'owner':
      return ROLES;
    case 'admin':
      return ROLES.filter((r) => r !== 'owner');
    case 'manager':
      return ['member', 'sales', 'support', 'marketing'];
    default:
      return [];
  }
}

/** Only an owner may delete the business or hand its ownership to someone else. */
export function canDeleteBusiness(role: Role): boolean {
  return scopeOf(role, 'business', 'delete') === 'all';
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
