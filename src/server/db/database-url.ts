import 'server-only';

import { readRunningEmbeddedUrl, resolveDataDir } from './embedded';

export type DatabaseMode = 'embedded' | 'external';

/**
 * The database this process should use. The launcher sets DATABASE_URL for Next;
 * other processes (`npm run worker`, `npm run seed`) started without it attach to
 * the embedded server that `npm start` runs for the same DATA_DIR.
 */
export function getDatabaseUrl(): string {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return fromEnv;
  const embedded = readRunningEmbeddedUrl(resolveDataDir());
  if (embedded) return embedded;
  throw new Error(
    `No database: DATABASE_URL is not set and no embedded PostgreSQL is running for ${resolveDataDir()}. ` +
      'Run `npm start` (or `npm run dev`) first, in the same folder or with the same DATA_DIR, or set DATABASE_URL.',
  );
}

export function getDatabaseMode(): DatabaseMode {
  const mode = process.env.TEZGAH_DATABASE_MODE;
  if (mode === 'embedded' || mode === 'external') return mode;
  return process.env.DATABASE_URL ? 'external' : 'embedded';
}
