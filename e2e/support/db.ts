import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { searchText, turkishSortKey } from '../../src/lib/text';

/**
 * The journeys' direct line to the app's embedded PostgreSQL (found through the state file the
 * launcher writes in DATA_DIR), for setting up records that no page of the app creates yet.
 */
function databaseUrl(dataDir = process.env.E2E_DATA_DIR ?? '.data-e2e'): string {
  const state = JSON.parse(fs.readFileSync(path.join(path.resolve(dataDir), 'postgres.json'), 'utf8')) as {
    user: string;
    password: string;
    port: number;
    database: string;
  };
  return `postgres://${encodeURIComponent(state.user)}:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${encodeURIComponent(state.database)}`;
}

/** A customer of the business with this slug, with its search and sort keys as the app computes them. */
export async function insertCustomer(
  slug: string,
  fields: { name: string; emails?: string[]; phones?: string[]; emailConsent?: boolean },
): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('select id from businesses where slug = $1', [slug]);
    if (!rows[0]) throw new Error(`No business ${slug}`);
    const id = uuidv7();
    const emails = (fields.emails ?? []).map((e) => e.toLowerCase());
    const phones = fields.phones ?? [];
    await client.query(
      `insert into customers (business_id, id, kind, name, emails, phones, email_consent, search_text, sort_name)
       values ($1, $2, 'person', $3, $4, $5, $6, $7, $8)`,
      [rows[0].id, id, fields.name, emails, phones, fields.emailConsent ?? false, searchText([fields.name, ...emails, ...phones]), turkishSortKey(fields.name)],
    );
    return id;
  } finally {
    await client.end();
  }
}

/**
 * Moves a record's instant to a known one (no page sets "won at" to a chosen time), so a journey
 * can check how that instant is shown. With `id` null, every row of the table in the business.
 */
export async function setInstant(table: 'interactions' | 'deals', column: 'occurred_at' | 'won_at', slug: string, id: string | null, at: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `update ${table} set ${column} = $2 where business_id = (select id from businesses where slug = $1) and ($3::uuid is null or id = $3)`,
      [slug, at, id],
    );
    if (!rowCount) throw new Error(`No ${table} row ${id ?? ''} in ${slug}`);
  } finally {
    await client.end();
  }
}

/**
 * Projects of the business with this slug, written at once (a list long enough to page through),
 * with their search and sort keys as the app computes them. Returns their ids in order.
 */
export async function insertProjects(
  slug: string,
  projects: { name: string; customerId?: string | null; status?: string; endDate?: string | null }[],
): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('select id from businesses where slug = $1', [slug]);
    if (!rows[0]) throw new Error(`No business ${slug}`);
    const ids: string[] = [];
    for (const p of projects) {
      const id = uuidv7();
      ids.push(id);
      await client.query(
        `insert into projects (business_id, id, name, customer_id, status, end_date, search_text, sort_name)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [rows[0].id, id, p.name, p.customerId ?? null, p.status ?? 'active', p.endDate ?? null, searchText([p.name]), turkishSortKey(p.name)],
      );
    }
    return ids;
  } finally {
    await client.end();
  }
}
