/*
 * One PostgreSQL for the whole test run: the server named by TEST_DATABASE_URL, or
 * an embedded one in a temporary folder. Each run gets a fresh database with a
 * unique name, migrated like production, so runs never see each other's rows.
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../src/server/db/embedded';
import { runMigrations } from '../src/server/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of this run's migrated test database; read it with `testDatabaseUrl()` from tests/db.ts. */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: EmbeddedPostgresServer | undefined;
  let tempDir: string | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tezgah-test-'));
    server = await startEmbeddedPostgres({ dataDir: tempDir });
    serverUrl = server.url;
  }

  const databaseName = `tezgah_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = withDatabase(serverUrl, databaseName);
  try {
    await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)}`));
    await runMigrations(databaseUrl, { migrationsFolder: path.join(project.config.root, 'drizzle') });
  } catch (error) {
    await cleanUp();
    throw error;
  }

  project.provide('databaseUrl', databaseUrl);
  // Workers start after global setup and inherit the environment, so code that
  // finds its database the production way (getDatabaseUrl) lands here too; a
  // DATABASE_URL from the developer's shell must never receive test data.
  process.env.DATABASE_URL = databaseUrl;
  process.env.TEZGAH_DATABASE_MODE = server ? 'embedded' : 'external';
  // Files and the generated auth secret of the tests stay out of the developer's ./data.
  const appDataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tezgah-test-files-'));
  process.env.DATA_DIR = appDataDir;

  async function cleanUp(): Promise<void> {
    await fsp.rm(appDataDir, { recursive: true, force: true });
    if (server) {
      // The whole server goes away with its folder; no need to drop the database.
      await server.stop();
      if (tempDir) await fsp.rm(tempDir, { recursive: true, force: true });
    } else {
      await admin(serverUrl!, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(databaseName)} WITH (FORCE)`),
      );
    }
  }
  return cleanUp;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function admin(url: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
