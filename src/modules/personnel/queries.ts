import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, asc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import { invitations, personnel } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import type { Role } from '@/lib/permissions';

export type PersonnelRecord = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  department: string | null;
  role: Role;
  active: boolean;
  hasLogin: boolean;
  isSelf: boolean;
  invitedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const columns = {
  id: personnel.id,
  name: personnel.name,
  email: personnel.email,
  phone: personnel.phone,
  title: personnel.title,
  department: personnel.department,
  role: personnel.role,
  active: personnel.active,
  userId: personnel.userId,
  version: personnel.version,
  createdAt: personnel.createdAt,
  updatedAt: personnel.updatedAt,
  invitedAt: sql<Date | null>`(select max(${invitations.createdAt}) from ${invitations}
    where ${invitations.businessId} = ${personnel.businessId} and ${invitations.personnelId} = ${personnel.id}
      and ${invitations.acceptedAt} is null)`.mapWith((v) => (v ? new Date(v) : null)),
};

type Row = { [K in keyof typeof columns]: unknown } & { userId: string | null };

// The login's user id stays on the server: the page only learns whether a login exists.
function toRecord(ctx: Ctx, row: Row): PersonnelRecord {
  const { userId, ...rest } = row as Row & Omit<PersonnelRecord, 'hasLogin' | 'isSelf'>;
  return { ...(rest as Omit<PersonnelRecord, 'hasLogin' | 'isSelf'>), hasLogin: userId !== null, isSelf: userId === ctx.userId };
}

/** One page of the business's personnel, ordered by name, with a keyset cursor. */
export const findPersonnel = defineQuery('findPersonnel', ['personnel', 'read'], async function findPersonnel(
  db: Executor,
  ctx: Ctx,
  args: { search?: string; cursor?: string; limit?: number } = {},
): Promise<{ data: PersonnelRecord[]; nextCursor: string | null }> {
  const limit = args.limit ?? 50;
  const filters: (SQL | undefined)[] = [eq(personnel.businessId, ctx.businessId)];
  // Stored text never holds U+0000 (PostgreSQL refuses it, and so would the query).
  const search = args.search?.replaceAll('\u0000', '');
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    filters.push(or(ilike(personnel.name, pattern), ilike(personnel.email, pattern), ilike(personnel.title, pattern)));
  }
  const after = decodeCursor(args.cursor);
  if (after) {
    filters.push(or(gt(personnel.name, after.name), and(eq(personnel.name, after.name), gt(personnel.id, after.id))));
  }
  const rows = await db
    .select(columns)
    .from(personnel)
    .where(and(...filters))
    .orderBy(asc(personnel.name), asc(personnel.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r) => toRecord(ctx, r));
  const last = page[page.length - 1];
  return { data: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
});

export const getPersonnel = defineQuery('getPersonnel', ['personnel', 'read'], async function getPersonnel(db: Executor, ctx: Ctx, id: string): Promise<PersonnelRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select(columns)
    .from(personnel)
    .where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return toRecord(ctx, row);
});

function encodeCursor(p: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([p.name, p.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { name: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof name === 'string' && typeof id === 'string' && isUuid(id) && !name.includes('\u0000')) return { name, id };
  } catch {
    // fall through: a malformed cursor is a bad request
  }
  throw new AppError('BAD_REQUEST', 'errors.BAD_REQUEST', { cursor: 'invalid' });
}

/** Headcounts for the dashboard, in one scan of the business's personnel. */
export const countPersonnel = defineQuery('countPersonnel', ['personnel', 'read'], async function countPersonnel(db: Executor, ctx: Ctx): Promise<{ total: number; active: number; withLogin: number }> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      active: sql<number>`count(*) filter (where ${personnel.active})::int`,
      withLogin: sql<number>`count(${personnel.userId})::int`,
    })
    .from(personnel)
    .where(eq(personnel.businessId, ctx.businessId));
  return row ?? { total: 0, active: 0, withLogin: 0 };
});
