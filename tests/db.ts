import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { runMigrations } from '../src/server/db/migrate';

/**
 * URL of this test run's database (created and migrated by tests/global-setup.ts).
 * process.env.DATABASE_URL holds the same URL, so getDb() from
 * src/server/db/client.ts already uses it; this is for tests that open their own
 * connections.
 */
export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

/**
 * A database of its own on the test run's server, migrated like production, for a test that
 * starts real worker processes: a worker serves every queue of the database it is given, so on
 * the shared database it would take other test files' jobs. Drop it when done.
 */
export async function createSeparateDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const shared = new URL(testDatabaseUrl());
  const name = `${decodeURIComponent(shared.pathname.slice(1))}_${label}`.slice(0, 63);
  const admin = async (sql: (client: pg.Client) => string) => {
    const client = new pg.Client({ connectionString: shared.toString() });
    await client.connect();
    try {
      await client.query(sql(client));
    } finally {
      await client.end();
    }
  };
  await admin((c) => `CREATE DATABASE ${c.escapeIdentifier(name)}`);
  const url = new URL(shared);
  url.pathname = `/${encodeURIComponent(name)}`;
  await runMigrations(url.toString(), { migrationsFolder: path.join(import.meta.dirname, '..', 'drizzle') });
  return { url: url.toString(), drop: () => admin((c) => `DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`) };
}
