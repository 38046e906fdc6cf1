import { assignableRoles, can, type Role } from '@/lib/permissions';
import type { PersonnelRecord } from './queries';

/** Which buttons a personnel record's page shows; the server checks the same rules again. */
export function personnelButtons(actorRole: Role, target: Pick<PersonnelRecord, 'role' | 'hasLogin' | 'email'>) {
  const touchesOwner = target.role === 'owner' && actorRole !== 'owner';
  return {
    canEdit: can(actorRole, 'personnel', 'update') && !touchesOwner,
    canDelete: can(actorRole, 'personnel', 'delete') && !touchesOwner,
    canInvite:
      can(actorRole, 'personnel', 'create') && !target.hasLogin && !!target.email && assignableRoles(actorRole).includes(target.role),
  };
}
