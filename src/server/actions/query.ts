import 'server-only';
import type { Executor } from '../db/client';
import type { Action, Resource } from '../../lib/permissions';
import type { Ctx } from '../auth/context';
import { authorize } from '../auth/authorize';

/**
 * A read query of a module: called like a plain function, `(db, ctx, ...args)`, but it checks its
 * permission itself before it reads, so a page, an endpoint or a job cannot forget to. A resource
 * with "own" reads (reminders, projects, tasks) applies the caller's scope in its `where` clause
 * (`reminderScope`, `projectScope`, `taskScope`). `queryName` and `permission` let the role-matrix
 * test find every read.
 */
export type Query<A extends unknown[], T> = ((db: Executor, ctx: Ctx, ...args: A) => Promise<T>) & {
  readonly queryName: string;
  readonly permission: readonly [Resource, Action];
};

export function defineQuery<A extends unknown[], T>(
  name: string,
  /** Usually [resource, 'read']; a read that only serves a write (an import's preview) names that write. */
  permission: readonly [Resource, Action],
  run: (db: Executor, ctx: Ctx, ...args: A) => Promise<T>,
): Query<A, T> {
  const query = async (db: Executor, ctx: Ctx, ...args: A): Promise<T> => {
    // Checked before any read, so a forbidden caller learns nothing, not even whether a record exists.
    authorize(ctx, permission[0], permission[1]);
    return run(db, ctx, ...args);
  };
  return Object.assign(query, { queryName: name, permission });
}

/** True for a value made by `defineQuery`. */
export function isQuery(value: unknown): value is Query<unknown[], unknown> {
  return typeof value === 'function' && 'queryName' in value && 'permission' in value;
}
