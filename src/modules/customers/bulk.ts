import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/server/db/client';
import { customers } from '@/server/db/schema';
import { turkishSortKey } from '@/lib/text';

/**
 * Writes of many customers at once, for the CSV import (modules/imports), which decides what to
 * insert and what to update; the rows themselves are written here, by the module that owns them.
 */

export type NewCustomerRow = typeof customers.$inferInsert;

/** The fields an import may set on a customer that exists. */
export type CustomerBulkFields = {
  id: string;
  kind: 'person' | 'company';
  name: string;
  companyId: string | null;
  emails: string[];
  phones: string[];
  jobTitle: string | null;
  city: string | null;
  address: string | null;
  country: string | null;
  taxNumber: string | null;
  taxOffice: string | null;
  source: string | null;
  notes: string | null;
};

/** A text[] literal ('{"a","b"}') for one row's e-mails or phones, cast back to text[] in SQL. */
function arrayLiteral(values: readonly string[] | undefined): string {
  return `{${(values ?? []).map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Inserts many customers in one statement with one array parameter per column (`unnest`): the
 * statement stays the same size however many rows it carries, and neither the ORM nor PostgreSQL
 * has thousands of parameters to handle.
 */
export async function insertCustomersInBulk(db: Executor, rows: readonly NewCustomerRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(pick: (r: NewCustomerRow) => T) => sql.param(rows.map(pick));
  await db.execute(sql`
    insert into customers (business_id, id, kind, name, company_id, job_title, emails, phones, address, city, country,
      tax_number, tax_office, source, notes, owner_id, search_text, sort_name)
    select b, i, k::customer_kind, n, c, j, e::text[], p::text[], a, ci, co, tn, tx, so, no, o, st, sn
    from unnest(
      ${col((r) => r.businessId)}::uuid[], ${col((r) => r.id)}::uuid[], ${col((r) => r.kind)}::text[], ${col((r) => r.name)}::text[],
      ${col((r) => r.companyId ?? null)}::uuid[], ${col((r) => r.jobTitle ?? null)}::text[],
      ${col((r) => arrayLiteral(r.emails))}::text[], ${col((r) => arrayLiteral(r.phones))}::text[],
      ${col((r) => r.address ?? null)}::text[], ${col((r) => r.city ?? null)}::text[], ${col((r) => r.country ?? null)}::text[],
      ${col((r) => r.taxNumber ?? null)}::text[], ${col((r) => r.taxOffice ?? null)}::text[], ${col((r) => r.source ?? null)}::text[],
      ${col((r) => r.notes ?? null)}::text[], ${col((r) => r.ownerId ?? null)}::uuid[], ${col((r) => r.searchText)}::text[],
      ${col((r) => r.sortName)}::text[]
    ) as t(b, i, k, n, c, j, e, p, a, ci, co, tn, tx, so, no, o, st, sn)`);
}


/** Writes an imported customer's fields over an existing one; `searchKey` is its folded search text. */
export async function updateCustomerInBulk(db: Executor, businessId: string, a: CustomerBulkFields, searchKey: string): Promise<void> {
  await db
    .update(customers)
    .set({
      name: a.name,
      emails: a.emails,
      phones: a.phones,
      companyId: a.companyId,
      jobTitle: a.jobTitle,
      city: a.city,
      address: a.address,
      country: a.country,
      taxNumber: a.taxNumber,
      taxOffice: a.taxOffice,
      source: a.source,
      notes: a.notes,
      searchText: searchKey,
      sortName: turkishSortKey(a.name),
      version: sql`${customers.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(customers.businessId, businessId), eq(customers.id, a.id)));
}
