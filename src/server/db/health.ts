import 'server-only';
import { getPool } from './client';
import { getDatabaseMode } from './database-url';
import { outage } from './unavailable';

export async function checkDatabase(): Promise<{ ok: boolean; mode: 'embedded' | 'external' }> {
  const mode = getDatabaseMode();
  try {
    await getPool().query('select 1');
    return { ok: true, mode };
  } catch (err) {
    console.error('[health] database check failed:', (err as Error).message);
    return { ok: false, mode };
  }
}

/** How long between two probes while the database is down. */
const PROBE_INTERVAL_MS = 500;

/**
 * False on the fast path (no outage seen, no query). During an outage, probes the database at
 * most every half second and ends the outage as soon as a probe succeeds; the requests in between
 * share the last probe's answer.
 */
export async function isDatabaseDown(): Promise<boolean> {
  if (outage.downSince === undefined) return false;
  const now = Date.now();
  if (!outage.probe || (outage.probedAt !== undefined && now - outage.probedAt >= PROBE_INTERVAL_MS)) {
    outage.probedAt = now;
    outage.probe = probe();
  }
  return outage.probe;
}

async function probe(): Promise<boolean> {
  try {
    await getPool().query('select 1');
    if (outage.downSince !== undefined) console.info(`[db] database back after ${((Date.now() - outage.downSince) / 1000).toFixed(1)} s`);
    outage.downSince = undefined;
    outage.probe = undefined;
    return false;
  } catch {
    return true;
  }
}
