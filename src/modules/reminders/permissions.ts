import { scopeOf, type Role } from '@/lib/permissions';
import type { ReminderRecord } from './queries';

/** Which buttons a reminder shows; the server checks the same rules again in its where clause. */
export function reminderButtons(role: Role, reminder: Pick<ReminderRecord, 'mine' | 'doneAt'>) {
  const allowed = (action: 'update' | 'delete') => {
    const scope = scopeOf(role, 'reminders', action);
    return scope === 'all' || (scope === 'own' && reminder.mine);
  };
  return { canDone: allowed('update') && !reminder.doneAt, canEdit: allowed('update'), canDelete: allowed('delete') };
}
