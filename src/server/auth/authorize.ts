import 'server-only';
import { AppError } from '../../lib/errors';
import { scopeOf, type Action, type Resource, type Scope } from '../../lib/permissions';
import type { Ctx } from './context';

/** Throws FORBIDDEN unless the context's role may do this; returns the scope ('all' or 'own'). */
export function authorize(ctx: Pick<Ctx, 'role'>, resource: Resource, action: Action): Exclude<Scope, false> {
  const scope = scopeOf(ctx.role, resource, action);
  if (!scope) throw new AppError('FORBIDDEN');
  return scope;
}
