/**
 * The embedded PostgreSQL dying under a running Tezgah: kill -9 of the real postmaster.
 *
 * - The launcher (`launch.ts db`, the same code `npm start` runs before Next) starts PostgreSQL
 *   again on the same port, a pool made before the crash works again by itself, and a server that
 *   keeps dying is given up on with a clear message.
 * - While the server is down, the API answers 503 with Retry-After in its error shape, operations
 *   (Server Actions) answer UNAVAILABLE, and pages get a plain 503 from the proxy; once the server
 *   is back, all of them work again without a restart of the app.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '@/server/db/embedded';
import { closeDb, getDb, getPool } from '@/server/db/client';
import { handleEndpoint, defineEndpoint } from '@/server/api/endpoint';
import { defineOperation, runOperation } from '@/server/actions/operation';
import type { Ctx } from '@/server/auth/context';
import { proxy } from '@/proxy';
import { runMigrations } from '@/server/db/migrate';
import { startImport, uploadImport } from '@/modules/imports/mutations';
import { getImport } from '@/modules/imports/queries';
import { stopBoss } from '@/server/jobs/boss';
import { imports } from '@/server/db/schema';
import { eq } from 'drizzle-orm';
import { contextFor, createTestBusiness, createUser } from './factories';

const projectRoot = path.resolve(import.meta.dirname, '..');
const tempDirs: string[] = [];
const children: ChildProcess[] = [];
const servers: EmbeddedPostgresServer[] = [];

afterAll(async () => {
  await stopBoss();
  await closeDb();
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once('exit', r)) : null)));
  for (const server of servers) await server.stop();
  for (const dir of tempDirs) await fsp.rm(dir, { recursive: true, force: true });
});

async function tempDataDir(): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tezgah-restart-test-'));
  tempDirs.push(dir);
  return dir;
}

function postmasterPid(dataDir: string): number {
  return Number.parseInt(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]!, 10);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Queries through `pool` until one succeeds; the milliseconds that took. */
async function untilQueryWorks(pool: pg.Pool, timeoutMs: number): Promise<number> {
  const started = Date.now();
  await waitFor('the database to answer again', () => pool.query('select 1').then(() => true, () => undefined), timeoutMs);
  return Date.now() - started;
}

describe('the launcher keeps the embedded PostgreSQL running', () => {
  it('restarts a killed postmaster on the same port, the pool reconnects, and it gives up after the bound', async () => {
    const dataDir = await tempDataDir();
    const launcher = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/server-only-hook.mjs', 'scripts/launch.ts', 'db'], {
      cwd: projectRoot,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', TEZGAH_DB_MAX_RESTARTS: '1', TEZGAH_DB_RESTART_WINDOW_SECONDS: '600' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(launcher);
    let output = '';
    launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));

    await waitFor('the launcher to be ready', () => (output.includes('Database only') ? true : undefined), 60_000);
    const state = JSON.parse(await fsp.readFile(path.join(dataDir, 'postgres.json'), 'utf8')) as { port: number; password: string };
    const url = `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/tezgah`;
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', () => undefined);
    try {
      await pool.query('select 1');
      const first = postmasterPid(dataDir);
      process.kill(first, 'SIGKILL');
      await waitFor('the launcher to notice', () => (output.includes('PostgreSQL stopped unexpectedly') ? true : undefined), 10_000);
      const recoveredMs = await untilQueryWorks(pool, 20_000);
      console.info(`[measure] database answering again ${recoveredMs} ms after kill -9 of the postmaster`);
      expect(output).toMatch(/PostgreSQL stopped unexpectedly \(SIGKILL\); restarting it/);
      await waitFor('the launcher to report the restart', () => (/PostgreSQL is back on port \d+/.test(output) ? true : undefined), 10_000);
      const second = postmasterPid(dataDir);
      expect(second).not.toBe(first);
      const again = JSON.parse(await fsp.readFile(path.join(dataDir, 'postgres.json'), 'utf8')) as { port: number };
      expect(again.port).toBe(state.port);

      // The second crash exceeds TEZGAH_DB_MAX_RESTARTS=1: the launcher stops, and says why.
      process.kill(second, 'SIGKILL');
      expect(await exited).toBe(1);
      expect(output).toMatch(/after 1 restart\(s\) in the last 600 s; giving up and stopping Tezgah/);
      expect(isAlive(second)).toBe(false);
      const released = JSON.parse(await fsp.readFile(path.join(dataDir, 'postgres.json'), 'utf8')) as { pid: number | null };
      expect(released.pid).toBeNull();
    } finally {
      await pool.end();
    }
  }, 90_000);
});

describe('requests while the database is down', () => {
  const ctx = { businessId: '00000000-0000-7000-8000-000000000001', userId: 'u', role: 'owner' } as unknown as Ctx;
  const endpoint = defineEndpoint({
    method: 'GET',
    path: '/probe',
    summary: 'probe',
    tag: 'test',
    auth: 'any',
    businessOptional: true,
    run: async () => (await getPool().query<{ one: number }>('select 1 as one')).rows[0],
  });
  const operation = defineOperation('probe', { schema: z.object({}), permission: ['customers', 'read'] }, async () => ({
    message: 'ok',
    data: (await getPool().query('select 1 as one')).rows[0],
  }));
  const call = () =>
    handleEndpoint(endpoint, new Request('http://localhost/api/v1/probe', { headers: { 'accept-language': 'en' } }), {}, async () => ({ via: 'session', ctx }) as never);
  const page = () => proxy(new NextRequest('http://localhost:3000/acme/customers', { headers: { host: 'localhost:3000', 'accept-language': 'en' } }));
  const api = () => proxy(new NextRequest('http://localhost:3000/api/v1/customers', { headers: { host: 'localhost:3000', 'accept-language': 'tr' } }));

  it('answer 503 with Retry-After, not 500, and work again once PostgreSQL is back', async () => {
    const dataDir = await tempDataDir();
    let server = await startEmbeddedPostgres({ dataDir });
    servers.push(server);
    // This file's own database: the app's pool (getPool) is pointed at it.
    await closeDb();
    process.env.DATABASE_URL = server.url;

    expect((await call()).status).toBe(200);
    expect((await page()).status).not.toBe(503);

    process.kill(server.pid, 'SIGKILL');
    await server.exited;

    // A backend may outlive its postmaster for a moment and still answer a pooled connection;
    // until the outage shows, answers are 200, and from then on 503 — never a 500.
    const down = await waitFor('the endpoint to meet the outage', async () => {
      const res = await call();
      return res.status === 200 ? undefined : res;
    }, 10_000);
    expect(down.status).toBe(503);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await down.json()).toEqual({ error: { code: 'UNAVAILABLE', message: expect.stringMatching(/temporarily unavailable/) } });

    const failed = await runOperation(operation, ctx, {});
    expect(failed).toMatchObject({ ok: false, code: 'UNAVAILABLE', message: 'errors.UNAVAILABLE' });

    const downPage = await page();
    expect(downPage.status).toBe(503);
    expect(downPage.headers.get('retry-after')).toBeTruthy();
    expect(await downPage.text()).toMatch(/temporarily unavailable[\s\S]*geçici olarak kullanılamıyor/);
    const downApi = await api();
    expect(downApi.status).toBe(503);
    expect((await downApi.json()).error.code).toBe('UNAVAILABLE');

    server = await server.restart();
    servers.push(server);
    // The same pool, never closed: it dropped its broken clients and connects again.
    await waitFor('the endpoint to answer 200', async () => ((await call()).status === 200 ? true : undefined), 15_000);
    await waitFor('the proxy to let pages through', async () => ((await page()).status !== 503 ? true : undefined), 5_000);
    expect(await runOperation(operation, ctx, {})).toMatchObject({ ok: true });
  }, 60_000);
});

describe('the worker through a database crash', () => {
  it('keeps running, and an import cut by the crash goes on and finishes without duplicates', async () => {
    const ROWS = 12_000;
    const dataDir = await tempDataDir();
    let server = await startEmbeddedPostgres({ dataDir });
    servers.push(server);
    await runMigrations(server.url, { migrationsFolder: path.join(projectRoot, 'drizzle') });
    await stopBoss();
    await closeDb();
    process.env.DATABASE_URL = server.url;

    const db = getDb();
    const owner = await createUser(db);
    const business = await createTestBusiness(db, owner);
    const ctx = await contextFor(db, owner.id, business.slug);
    const lines = ['Ad Soyad;E-posta'];
    for (let i = 0; i < ROWS; i++) lines.push(`Kişi ${i};kisi${i}@ornek.com.tr`);
    const { id } = await uploadImport(db, ctx, { name: 'kisiler.csv', bytes: Buffer.from(lines.join('\n')) });
    await startImport(db, ctx, { id, mapping: (await getImport(db, ctx, id)).fields, duplicateMode: 'create' });

    const worker = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/server-only-hook.mjs', 'scripts/worker.ts'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: server.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(worker);
    let output = '';
    worker.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor('the import to be under way', async () => {
      const imp = await getImport(db, ctx, id).catch(() => undefined);
      return imp && imp.nextRow >= 1000 ? imp : undefined;
    }, 60_000);
    // Hold the import's row, which every batch locks first, so the crash comes mid-import however
    // fast or slow this machine runs it; the crash ends this transaction too.
    let locked!: (row: { status: string; nextRow: number }) => void;
    let release!: () => void;
    const rowHeld = new Promise<{ status: string; nextRow: number }>((resolve) => (locked = resolve));
    const holding = db
      .transaction(async (tx) => {
        const [row] = await tx.select({ status: imports.status, nextRow: imports.nextRow }).from(imports).where(eq(imports.id, id)).for('update');
        locked(row!);
        await new Promise<void>((resolve) => (release = resolve));
      })
      .catch(() => undefined); // its COMMIT meets the dead server
    const held = await rowHeld;
    expect(held.status).toBe('running');
    expect(held.nextRow).toBeLessThan(ROWS);

    process.kill(server.pid, 'SIGKILL');
    await server.exited;
    release();
    await holding;
    await waitFor('the worker to meet the outage', async () => (output.includes('[db] database unavailable') ? true : undefined), 10_000);
    server = await server.restart();
    servers.push(server);
    const backAt = performance.now();

    const done = await waitFor('the import to finish', async () => {
      const imp = await getImport(db, ctx, id).catch(() => undefined);
      return imp?.status === 'done' ? imp : undefined;
    }, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}\nworker output:\n${output}`);
    });
    console.info(`[measure] import finished ${((performance.now() - backAt) / 1000).toFixed(1)} s after PostgreSQL was back`);
    expect(done).toMatchObject({ createdCount: ROWS, failedCount: 0 });
    const { rows } = await getPool().query<{ n: number; d: number }>('select count(*)::int as n, count(distinct emails)::int as d from customers where business_id = $1', [ctx.businessId]);
    expect(rows[0]).toEqual({ n: ROWS, d: ROWS });
    expect(worker.exitCode).toBeNull();
  }, 120_000);
});
