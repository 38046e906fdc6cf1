import { assignableRoles, ROLES, type Role } from '@/lib/permissions';

/** Lower index = more authority. */
function rank(role: Role): number {
  return ROLES.indexOf(role);
}

export type PersonnelChange = {
  actorRole: Role;
  isSelf: boolean;
  target: { role: Role; active: boolean };
  next: { role: Role; active: boolean } | 'delete';
  /** Active owners with a login in the business, the target included. */
  activeOwners: number;
};

/**
 * Why a change to a personnel record is refused, as a translation key under `personnel.errors.`,
 * or null when it is allowed. The permission table says who may edit personnel at all; these are
 * the finer rules of PERMISSIONS.md: only owners touch owners, nobody raises their own role,
 * and the last owner cannot leave or be demoted.
 */
export function personnelChangeRefusal(change: PersonnelChange): string | null {
  const { actorRole, isSelf, target, next, activeOwners } = change;
  if (target.role === 'owner' && actorRole !== 'owner') return 'ownerOnly';
  const losesOwner = target.role === 'owner' && target.active && (next === 'delete' || next.role !== 'owner' || !next.active);
  if (losesOwner && activeOwners <= 1) return 'lastOwner';
  if (next === 'delete') return null;
  if (next.role !== target.role) {
    if (isSelf && rank(next.role) < rank(target.role)) return 'ownRole';
    if (!assignableRoles(actorRole).includes(next.role)) return 'roleNotAllowed';
  }
  return null;
}
