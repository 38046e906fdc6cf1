import 'server-only';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';
import { getDatabaseUrl } from './database-url';
import { checkDatabaseUnavailable } from './unavailable';

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle; mutations take `Database | Transaction` so they compose. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

type Holder = { pool?: pg.Pool; db?: Database };
// One pool per process, kept across Next's module reloads in development.
const holder = ((globalThis as Record<string, unknown>).__tezgahDb ??= {}) as Holder;

export function getPool(): pg.Pool {
  if (!holder.pool) {
    holder.pool = new pg.Pool({ connectionString: getDatabaseUrl(), max: Number(process.env.DB_POOL_MAX ?? 10) });
    // An idle client that loses its connection must not crash the process. The pool drops it
    // (and any client released after a connection error), so it heals once the server is back;
    // a server that went away starts an outage: requests answer 503 until it answers again.
    holder.pool.on('error', (err) => {
      if (!checkDatabaseUnavailable(err)) console.error('[db] idle client error', err.message);
    });
    // A client checked out of the pool has no listener of the pool's: one whose server goes away
    // between two queries (inside a transaction, or holding a lock) would emit an unhandled
    // 'error' and end the process. Its next query fails instead, and the pool drops it on release.
    holder.pool.on('connect', (client) => {
      client.on('error', (err) => {
        if (!checkDatabaseUnavailable(err)) console.error('[db] client error', err.message);
      });
    });
  }
  return holder.pool;
}

export function getDb(): Database {
  holder.db ??= drizzle(getPool(), { schema });
  return holder.db;
}

/** Closes the pool (scripts and tests). */
export async function closeDb(): Promise<void> {
  const pool = holder.pool;
  holder.pool = undefined;
  holder.db = undefined;
  await pool?.end();
}
