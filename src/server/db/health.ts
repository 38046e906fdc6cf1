import 'server-only';
import { getPool } from './client';
import { getDatabaseMode } from './database-url';

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
