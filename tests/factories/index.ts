/**
 * Factories shared by the tests and `npm run seed`. They write through the same mutations the
 * app uses where one exists, so test data obeys the same rules as real data.
 */
import { randomBytes } from 'node:crypto';
import type { Executor } from '@/server/db/client';
import { account, personnel, user } from '@/server/db/schema';
import { hashPassword } from '@/server/auth/passwords';
import { loadBusinessContext, type Ctx } from '@/server/auth/context';
import { createBusiness } from '@/modules/businesses/mutations';
import { createBusinessSchema } from '@/modules/businesses/schemas';
import { newId } from '@/lib/ids';
import type { Role } from '@/lib/permissions';

export type TestUser = { id: string; name: string; email: string; password: string };

const unique = () => randomBytes(4).toString('hex');

/** A user who can sign in with e-mail and password (stored as better-auth stores them). */
export async function createUser(
  db: Executor,
  opts: { name?: string; email?: string; password?: string; passwordHash?: string } = {},
): Promise<TestUser> {
  const id = newId();
  const name = opts.name ?? `Test Kişi ${unique()}`;
  const email = (opts.email ?? `user-${unique()}@example.test`).toLowerCase();
  const password = opts.password ?? 'Dogru-Kapi-42';
  await db.insert(user).values({ id, name, email, emailVerified: true });
  await db.insert(account).values({
    id: newId(),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: opts.passwordHash ?? (await hashPassword(password)),
  });
  return { id, name, email, password };
}

export async function createTestBusiness(
  db: Executor,
  owner: TestUser,
  fields: { name?: string } & Record<string, unknown> = {},
): Promise<{ id: string; slug: string }> {
  const { language, ...rest } = fields;
  const input = createBusinessSchema.parse({ name: fields.name ?? `İşletme ${unique()}`, ...rest });
  return createBusiness(db, owner, input, language === 'en' || language === 'tr' ? language : null);
}

/** Adds a person to a business; with `login`, a user account linked to it. */
export async function addPersonnel(
  db: Executor,
  businessId: string,
  opts: { role: Role; name?: string; login?: boolean; email?: string; passwordHash?: string },
): Promise<{ personnelId: string; user: TestUser | null }> {
  const member = opts.login === false ? null : await createUser(db, { name: opts.name, email: opts.email, passwordHash: opts.passwordHash });
  const personnelId = newId();
  await db.insert(personnel).values({
    businessId,
    id: personnelId,
    userId: member?.id ?? null,
    name: opts.name ?? member?.name ?? `Saha Personeli ${unique()}`,
    email: opts.email ?? member?.email ?? null,
    role: opts.role,
  });
  return { personnelId, user: member };
}

export function contextFor(db: Executor, userId: string, slug: string): Promise<Ctx> {
  return loadBusinessContext(db, userId, slug);
}
