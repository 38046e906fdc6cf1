import { inject } from 'vitest';

/**
 * URL of this test run's database (created and migrated by tests/global-setup.ts).
 * process.env.DATABASE_URL holds the same URL, so getDb() from
 * src/server/db/client.ts already uses it; this is for tests that open their own
 * connections.
 */
export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}
