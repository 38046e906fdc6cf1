/**
 * An import whose worker process is killed (kill -9) in the middle: the page says it waits to
 * resume, and a worker started again picks it up within seconds (not after pg-boss's heartbeat
 * timeout and supervision pass, 30 + up to 60 s), going on from the last committed batch, so no
 * row is imported twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { customers, imports } from '@/server/db/schema';
import type { Ctx } from '@/server/auth/context';
import { stopBoss } from '@/server/jobs/boss';
import { contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { createSeparateDatabase } from '../../../tests/db';
import { startImport, uploadImport } from './mutations';
import { getImport } from './queries';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const ROWS = 12_000;
const workers: ChildProcess[] = [];
let ctx: Ctx;
let separate: Awaited<ReturnType<typeof createSeparateDatabase>>;

beforeAll(async () => {
  // The workers this test starts serve every queue: on a database of their own they take no
  // other test file's jobs, and this file's pool (getDb) follows them there.
  separate = await createSeparateDatabase('resume');
  await closeDb();
  process.env.DATABASE_URL = separate.url;
  const db = getDb();
  const owner = await createUser(db);
  const business = await createTestBusiness(db, owner);
  ctx = await contextFor(db, owner.id, business.slug);
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
  await Promise.all(workers.map((w) => (w.exitCode === null && w.signalCode === null ? new Promise((r) => w.once('exit', r)) : null)));
  await stopBoss();
  await closeDb();
  await separate.drop();
});

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `npm run worker` in a process of its own, on this test run's database and files. */
async function startWorkerProcess(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/server-only-hook.mjs', 'scripts/worker.ts'], {
    cwd: projectRoot,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor('the worker to start', async () => output.includes('Worker ready'), 40_000).catch(() => {
    throw new Error(`the worker did not start:\n${output}`);
  });
  return { child, output: () => output };
}

it('a worker killed mid-import: the page shows it waiting, and a restarted worker resumes within seconds without duplicates', async () => {
  const db = getDb();
  const lines = ['Ad Soyad;E-posta;Telefon'];
  for (let i = 0; i < ROWS; i++) lines.push(`Müşteri ${i};musteri${i}@ornek.com.tr;0532 ${String(1_000_000 + i).slice(1, 4)} ${String(i % 100).padStart(2, '0')} ${String((i * 7) % 100).padStart(2, '0')}`);
  const { id } = await uploadImport(db, ctx, { name: 'buyuk.csv', bytes: Buffer.from(lines.join('\n')) });
  const uploaded = await getImport(db, ctx, id);
  await startImport(db, ctx, { id, mapping: uploaded.fields, duplicateMode: 'create' });
  expect((await getImport(db, ctx, id)).waiting).toBe('worker');

  const first = await startWorkerProcess();
  await waitFor('the import to be under way', async () => (await getImport(db, ctx, id)).nextRow >= 1000, 60_000);
  // Hold the import's row, which every batch locks first: the worker stops at its next batch, so
  // it is killed mid-import however fast or slow this machine runs it.
  let release!: () => void;
  let locked!: (row: { status: string; nextRow: number }) => void;
  const rowHeld = new Promise<{ status: string; nextRow: number }>((resolve) => (locked = resolve));
  const holding = db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: imports.status, nextRow: imports.nextRow })
      .from(imports)
      .where(and(eq(imports.businessId, ctx.businessId), eq(imports.id, id)))
      .for('update');
    locked(row!);
    await new Promise<void>((resolve) => (release = resolve));
  });
  const held = await rowHeld;
  expect(held.status).toBe('running');
  expect(held.nextRow).toBeLessThan(ROWS);
  expect((await getImport(db, ctx, id)).waiting).toBeNull(); // its runner is alive
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  release();
  await holding;
  const killedAt = (await getImport(db, ctx, id)).nextRow;

  // Nobody runs it now: the page says it waits to resume, from the row after the last batch.
  const stalled = await waitFor('the page to show the import waiting', async () => {
    const imp = await getImport(db, ctx, id);
    return imp.waiting === 'resume' && imp;
  }, 5_000);
  expect(stalled.status).toBe('running');
  expect(stalled.nextRow).toBe(killedAt);

  const restartedAt = performance.now();
  const second = await startWorkerProcess();
  const readyAt = performance.now();
  await waitFor('the import to go on', async () => (await getImport(db, ctx, id)).nextRow > killedAt, 15_000);
  const resumedAt = performance.now();
  console.info(
    `[measure] import resumed ${((resumedAt - readyAt) / 1000).toFixed(1)} s after the restarted worker was ready ` +
      `(${((resumedAt - restartedAt) / 1000).toFixed(1)} s after its start), from row ${killedAt} of ${ROWS}`,
  );
  expect(second.output()).toMatch(/resuming 1 import\(s\) whose worker stopped/);

  const done = await waitFor('the import to finish', async () => {
    const imp = await getImport(db, ctx, id);
    return imp.status === 'done' && imp;
  }, 60_000);
  expect(done).toMatchObject({ createdCount: ROWS, failedCount: 0, nextRow: ROWS, waiting: null });
  const [{ count, distinct } = { count: 0, distinct: 0 }] = await db
    .select({ count: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct ${customers.emails})::int` })
    .from(customers)
    .where(eq(customers.businessId, ctx.businessId));
  expect({ count, distinct }).toEqual({ count: ROWS, distinct: ROWS });
}, 150_000);
