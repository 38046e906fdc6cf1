import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/server/db/client';
import { customers } from '@/server/db/schema';
import { newId } from '@/lib/ids';
import { searchText, turkishSortKey } from '@/lib/text';

export type TestCustomer = { id: string; name: string };

/**
 * A customer row with its search and sort keys, for tests of modules that only need a customer to
 * point at. Tests of the customers module itself go through its mutations. It writes the row
 * directly because the mutation needs a signed-in actor (for the audit log), which these tests
 * do not have; the keys are computed the same way (name, company name, e-mails, phones).
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
  let companyName: string | null = null;
  if (fields.companyId) {
    const [company] = await db
      .select({ name: customers.name })
      .from(customers)
      .where(and(eq(customers.businessId, businessId), eq(customers.id, fields.companyId)));
    companyName = company?.name ?? null;
  }
  await insertCustomersBulk(db, businessId, [
    {
      id,
      kind: fields.kind ?? 'person',
      name,
      emails: fields.emails ?? [],
      phones: fields.phones ?? [],
      companyId: fields.companyId ?? null,
      companyName,
      ownerId: fields.ownerId ?? null,
      city: fields.city ?? null,
    },
  ]);
  return { id, name };
}

export type BulkCustomerRow = {
  id?: string;
  kind?: 'person' | 'company';
  name: string;
  /** Lower-case already. */
  emails?: string[];
  /** E.164 already. */
  phones?: string[];
  companyId?: string | null;
  /** The company's name, for the person's search text. */
  companyName?: string | null;
  jobTitle?: string | null;
  city?: string | null;
  source?: string | null;
  status?: 'lead' | 'active' | 'inactive' | 'lost';
  ownerId?: string | null;
  lifetimeValueMinor?: number;
  purchaseCount?: number;
  lastPurchaseAt?: Date | null;
  lastInteractionAt?: Date | null;
  createdAt?: Date;
};

/**
 * Fast insert of many already-normalised customers (the seed's 100,000), in multi-row statements
 * of 1,000, with the search and sort keys computed as the mutations compute them. Returns the ids.
 */
export async function insertCustomersBulk(db: Executor, businessId: string, rows: BulkCustomerRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const values = rows.slice(i, i + 1000).map((r) => {
      const id = r.id ?? newId();
      ids.push(id);
      const emails = (r.emails ?? []).map((e) => e.toLowerCase());
      const phones = r.phones ?? [];
      return {
        businessId,
        id,
        kind: r.kind ?? 'person',
        name: r.name,
        emails,
        phones,
        companyId: r.companyId ?? null,
        jobTitle: r.jobTitle ?? null,
        city: r.city ?? null,
        source: r.source ?? null,
        status: r.status ?? 'lead',
        ownerId: r.ownerId ?? null,
        lifetimeValueMinor: r.lifetimeValueMinor ?? 0,
        purchaseCount: r.purchaseCount ?? 0,
        lastPurchaseAt: r.lastPurchaseAt ?? null,
        lastInteractionAt: r.lastInteractionAt ?? null,
        ...(r.createdAt ? { createdAt: r.createdAt, updatedAt: r.createdAt } : {}),
        searchText: searchText([r.name, r.companyName ?? null, ...emails, ...phones]),
        sortName: turkishSortKey(r.name),
      };
    });
    await db.insert(customers).values(values);
  }
  return ids;
}
