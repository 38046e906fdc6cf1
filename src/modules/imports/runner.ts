import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import { imports } from '@/server/db/schema';
import { getDb, getPool } from '@/server/db/client';
import { publishEvent } from '@/server/events/publish';
import { CUSTOMER_IMPORT_QUEUE, type CustomerImportJob } from './job';
import { failImport } from './mutations';

/*
 * Who is running an import, and noticing quickly that nobody is any more.
 *
 * pg-boss notices a dead worker only by its missing heartbeat, at its next supervision pass: up to
 * 30 + 60 seconds during which the import showed "running" without moving. So the runner of an
 * import holds a session advisory lock for as long as it works on it. The lock lives and dies with
 * the runner's connection: kill -9 of the worker, a crash of the database, and it is gone at once.
 * Any working process then sees an import whose job is active but whose lock is free, hands the
 * job back to the queue for an immediate retry, and the retry goes on from the last committed
 * batch (runCustomerImport). The import page shows the same fact: "waiting to resume".
 */

/** The first key of the import locks (the second is the import id's hash): "TZ" + 1. */
export const IMPORT_LOCK_CLASS = 0x545a01;

/** The SQL key of an import's lock, for pg_advisory_* and for pg_locks. */
export const importLockKey = (importId: string) => sql`${IMPORT_LOCK_CLASS}::int, hashtext(${importId}::text)`;

/** True while a live runner holds the import's lock (readable by anyone, takes nothing). */
export const importRunnerAlive = (importId: unknown) => sql<boolean>`exists (
  select 1 from pg_locks
  where locktype = 'advisory' and granted and objsubid = 2
    and classid = ${IMPORT_LOCK_CLASS}::int::oid and objid = hashtext(${importId}::text)::oid
    and database = (select oid from pg_database where datname = current_database())
)`;

/**
 * Holds the import's lock on a connection of its own until `release`. A second runner of the same
 * import (pg-boss may deliver a job twice) waits here until the first is done.
 */
export async function holdImportLock(importId: string): Promise<{ release: () => Promise<void> }> {
  const client = await getPool().connect();
  try {
    await client.query('select pg_advisory_lock($1::int, hashtext($2::text))', [IMPORT_LOCK_CLASS, importId]);
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  return {
    async release() {
      try {
        await client.query('select pg_advisory_unlock($1::int, hashtext($2::text))', [IMPORT_LOCK_CLASS, importId]);
        client.release();
      } catch (err) {
        client.release(err as Error); // the connection is gone, and the lock with it
      }
    },
  };
}

/** A job claimed this recently may not have taken its lock yet. */
const CLAIM_GRACE_MS = 3_000;

/**
 * Gives back to the queue every import job that is active although no runner holds its lock (its
 * worker died), for a retry at once; the import shows "queued" until a worker takes it. Returns
 * the ids handed back. An import on its last attempt is marked failed instead.
 */
export async function resumeAbandonedImports(boss: PgBoss): Promise<string[]> {
  const db = getDb();
  const open = await db
    .select({ businessId: imports.businessId, id: imports.id, alive: importRunnerAlive(imports.id) })
    .from(imports)
    .where(inArray(imports.status, ['queued', 'running']));
  const resumed: string[] = [];
  for (const imp of open) {
    if (imp.alive) continue;
    const [job] = await boss.findJobs<CustomerImportJob>(CUSTOMER_IMPORT_QUEUE, { id: imp.id });
    if (!job || job.state !== 'active' || Date.now() - job.startedOn.getTime() < CLAIM_GRACE_MS) continue;
    const handedBack = await db.transaction(async (tx) => {
      // Taken and released with this transaction: no runner can start on the import meanwhile.
      const [{ free } = { free: false }] = (await tx.execute<{ free: boolean }>(sql`select pg_try_advisory_xact_lock(${importLockKey(imp.id)}) as free`)).rows;
      if (!free) return false;
      const adapter = { db: fromDrizzle(tx, sql) };
      // Fenced to the attempt seen: a job claimed again meanwhile is left alone.
      const failed = await boss.fail(CUSTOMER_IMPORT_QUEUE, { id: job.id, retryCount: job.retryCount }, { message: 'its worker stopped' }, adapter);
      // Its typings declare no fields; the count of jobs failed is `affected`.
      if (!(failed as { affected?: number }).affected) return false;
      if (job.retryCount >= job.retryLimit) return 'failed' as const;
      // The retry would wait out its backoff; the worker's death was no fault of the import.
      await boss.update(CUSTOMER_IMPORT_QUEUE, undefined, { id: job.id, startAfter: 0, ...adapter });
      await tx
        .update(imports)
        .set({ status: 'queued' })
        .where(and(eq(imports.businessId, imp.businessId), eq(imports.id, imp.id), eq(imports.status, 'running')));
      await publishEvent(tx, { businessId: imp.businessId, kind: 'import.updated', id: imp.id, actorUserId: null });
      return true;
    });
    if (handedBack === 'failed') await failImport(db, { businessId: imp.businessId, importId: imp.id });
    if (handedBack) resumed.push(imp.id);
  }
  return resumed;
}
