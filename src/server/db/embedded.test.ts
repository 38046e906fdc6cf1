import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readRunningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedPostgresServer } from './embedded';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tempDirs: string[] = [];

async function tempDataDir(): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tezgah-embedded-test-'));
  tempDirs.push(dir);
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A dead process nobody reaped still answers kill(pid, 0).
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
}

/**
 * Another launcher, in its own Node process like `npm start`: it starts the server
 * for `dataDir`, reports the postmaster pid, then either waits for SIGTERM and
 * stops cleanly, or dies with SIGKILL and leaves PostgreSQL running.
 */
async function otherLauncher(dataDir: string, ending: 'wait' | 'kill') {
  const script = path.join(dataDir, `launcher-${ending}.mts`);
  const embedded = pathToFileURL(path.join(projectRoot, 'src/server/db/embedded.ts')).href;
  await fsp.writeFile(
    script,
    `import { startEmbeddedPostgres } from ${JSON.stringify(embedded)};
const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
// The handler is in place before the test learns the launcher is up and may send SIGTERM.
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
console.log(JSON.stringify({ postmasterPid: server.pid }));
if (${JSON.stringify(ending)} === 'kill') process.kill(process.pid, 'SIGKILL');
`,
  );
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './scripts/server-only-hook.mjs', script],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const postmasterPid = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /"postmasterPid":(\d+)/.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(() => reject(new Error(`launcher exited before starting:\n${stderr}`)));
  });
  return { pid: child.pid!, postmasterPid, exited, kill: (signal: NodeJS.Signals) => child.kill(signal) };
}

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => fsp.rm(dir, { recursive: true, force: true })));
});

describe('embedded PostgreSQL', () => {
  let server: EmbeddedPostgresServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await tempDataDir();
    server = await startEmbeddedPostgres({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('stores text as UTF-8 whatever the OS locale', async () => {
    const [encoding] = await query<{ server_encoding: string }>(server.url, 'SHOW server_encoding');
    expect(encoding?.server_encoding).toBe('UTF8');

    const turkish = 'İğüşöç ı';
    const [row] = await query<{ text: string; lower: string; upper: string }>(
      server.url,
      `SELECT $1::text AS text, lower('İSTANBUL') AS lower, upper('ığüşöç') AS upper`,
      [turkish],
    );
    expect(row?.text).toBe(turkish);
    // Unicode case mapping, not the Turkish one (the app folds İ/ı itself), but
    // nothing turns into '?' or bytes.
    expect(row?.lower).toBe('istanbul');
    expect(row?.upper).toBe('IĞÜŞÖÇ');
  });

  it('keeps a generated password in a private state file', async () => {
    const statePath = path.join(dataDir, 'postgres.json');
    expect((await fsp.stat(statePath)).mode & 0o777).toBe(0o600);
    const state = JSON.parse(await fsp.readFile(statePath, 'utf8')) as { password: string; port: number; pid: number };
    expect(state.password).not.toBe('password');
    expect(state.password.length).toBeGreaterThanOrEqual(24);
    expect(state.port).toBe(server.port);
    expect(state.pid).toBe(process.pid);
    expect(server.url).toContain(encodeURIComponent(state.password));
    expect(readRunningEmbeddedUrl(dataDir)).toBe(server.url);
  });

  it('creates the application database', async () => {
    const [row] = await query<{ db: string }>(server.url, 'SELECT current_database() AS db');
    expect(row?.db).toBe('tezgah');
  });
});

describe('one launcher per data folder', () => {
  it('refuses a second launcher while the first runs, then starts after it stopped', async () => {
    const dataDir = await tempDataDir();
    const first = await otherLauncher(dataDir, 'wait');

    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      `Tezgah is already running with this data folder (pid ${first.pid})`,
    );
    expect(isRunning(first.postmasterPid)).toBe(true);

    first.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(isRunning(first.postmasterPid)).toBe(false);
    expect(readRunningEmbeddedUrl(dataDir)).toBeNull();

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await second.stop();
    }
  });

  it('recovers after the launcher was killed with SIGKILL', async () => {
    const dataDir = await tempDataDir();
    const killed = await otherLauncher(dataDir, 'kill');
    expect((await killed.exited).signal).toBe('SIGKILL');
    // PostgreSQL outlives its launcher and keeps its lock file.
    expect(isRunning(killed.postmasterPid)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);
    expect(readRunningEmbeddedUrl(dataDir)).toBeNull();

    const lines: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, log: (line) => lines.push(line) });
    try {
      expect(isRunning(killed.postmasterPid)).toBe(false);
      expect(server.pid).not.toBe(killed.postmasterPid);
      expect(lines.join('\n')).toContain(`Stopping PostgreSQL (pid ${killed.postmasterPid})`);
      expect(await query(server.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
    }
  });
});
