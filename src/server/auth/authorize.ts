import 'server-only';
import { AppError } from '../../lib/errors';
import { scopeFor, type Action, type Resource, type Scope } from '../../lib/permissions';
import type { Ctx } from './context';

/** Throws FORBIDDEN unless the context's role may do this; returns the scope ('all' or 'own'). */
export function authorize(ctx: Pick<Ctx, 'role' | 'limitRoles'>, resource: Resource, action: Action): Exclude<Scope, false> {
  const scope = scopeFor(ctx, resource, action);
  if (!scope) throw new AppError('FORBIDDEN');
  return scope;
}
