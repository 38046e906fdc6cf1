import type { Executor } from '@/server/db/client';
import { customers } from '@/server/db/schema';
import { newId } from '@/lib/ids';
import { searchText, turkishSortKey } from '@/lib/text';

export type TestCustomer = { id: string; name: string };

/**
 * A customer row with its search and sort keys, for tests of modules that only need a customer to
 * point at. Tests of the customers module itself go through its mutations.
 */
export async function insertTestCustomer(
  db: Executor,
  businessId: string,
  fields: {
    name?: string;
    kind?: 'person' | 'company';
    emails?: string[];
    phones?: string[];
    companyId?: string | null;
    ownerId?: string | null;
    city?: string | null;
  } = {},
): Promise<TestCustomer> {
  const id = newId();
  const name = fields.name ?? `Müşteri ${id.slice(-6)}`;
  const emails = (fields.emails ?? []).map((e) => e.toLowerCase());
  const phones = fields.phones ?? [];
  await db.insert(customers).values({
    businessId,
    id,
    kind: fields.kind ?? 'person',
    name,
    emails,
    phones,
    companyId: fields.companyId ?? null,
    ownerId: fields.ownerId ?? null,
    city: fields.city ?? null,
    searchText: searchText([name, ...emails, ...phones]),
    sortName: turkishSortKey(name),
  });
  return { id, name };
}
