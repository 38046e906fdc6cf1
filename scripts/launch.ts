/*
 * `npm start` / `npm run dev`: makes sure there is a migrated database, then runs Next.
 *
 *   launch.ts start   build if needed, then `next start`
 *   launch.ts dev     `next dev`
 *   launch.ts db      only the database (migrated), until Ctrl-C; for psql, drizzle-kit
 *                     studio or a worker under development
 *
 * With DATABASE_URL set that server is used ("external"); otherwise PostgreSQL runs
 * embedded from DATA_DIR (default ./data). This is a plain Node process outside the
 * Next bundle, so the database outlives Next's own restarts in dev and is stopped
 * only after Next has exited.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  resolveDataDir,
  startEmbeddedPostgres,
  type EmbeddedLogSource,
  type EmbeddedPostgresServer,
} from '../src/server/db/embedded';
import { runMigrations } from '../src/server/db/migrate';

const projectRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const nextBin = path.join(projectRoot, 'node_modules', '.bin', 'next');
const serveScript = path.join(projectRoot, 'scripts', 'serve.mjs');

let child: ChildProcess | undefined;
let database: EmbeddedPostgresServer | undefined;
let shutdownSignal: NodeJS.Signals | undefined;
let wakeOnSignal: (() => void) | undefined;
let stopping = false;

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command !== 'start' && command !== 'dev' && command !== 'db') {
    console.error('Usage: launch.ts start|dev|db');
    return 2;
  }
  installSignalForwarding();

  const port = Number.parseInt(process.env.PORT ?? '3000', 10);
  if (command !== 'db' && !(await isPortFree(port))) {
    console.error(`Port ${port} is already in use. Stop what uses it, or set PORT to another port.`);
    return 1;
  }

  if (command === 'start' && !fs.existsSync(path.join(projectRoot, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
    console.log('No production build found; running `next build` first.');
    const code = await runNext(['build']);
    if (code !== 0 || shutdownSignal) return code;
  }

  const dataDir = resolveDataDir();
  const external = process.env.DATABASE_URL;
  const mode = external ? 'external' : 'embedded';
  const databaseStartedAt = performance.now();
  let databaseUrl: string;
  if (external) {
    databaseUrl = external;
  } else {
    database = await startEmbeddedPostgres({ dataDir, log: printPostgresLine });
    databaseUrl = database.url;
    if (shutdownSignal) return stopAndExitCode(signalExitCode(shutdownSignal));
    watchForDatabaseCrash(database);
  }
  const readyAt = performance.now();
  const { applied } = await runMigrations(databaseUrl, { migrationsFolder: path.join(projectRoot, 'drizzle') });
  const migratedAt = performance.now();

  console.log(
    mode === 'embedded'
      ? `Database ready in ${ms(readyAt - databaseStartedAt)} (${ms(readyAt)} after launch): embedded PostgreSQL on port ${database!.port}, data in ${dataDir}`
      : `Database ready ${ms(migratedAt)} after launch: external PostgreSQL at ${describeUrl(databaseUrl)}`,
  );
  console.log(`Migrations: ${applied} applied in ${ms(migratedAt - readyAt)}`);
  if (shutdownSignal) return stopAndExitCode(signalExitCode(shutdownSignal));

  if (command === 'db') {
    console.log(`Database only; Ctrl-C stops it. Connection URL: ${mode === 'embedded' ? path.join(dataDir, 'postgres.json') : 'DATABASE_URL'}`);
    await new Promise<void>((resolve) => (wakeOnSignal = resolve));
    return stopAndExitCode(0);
  }

  const exitCode = await runApp(command, port, {
    DATABASE_URL: databaseUrl,
    TEZGAH_DATABASE_MODE: mode,
    DATA_DIR: dataDir,
  });
  return stopAndExitCode(exitCode);
}

async function runApp(command: 'start' | 'dev', port: number, env: Record<string, string>): Promise<number> {
  // Next runs behind our own HTTP server (scripts/serve.mjs), which alone sees the socket's peer
  // and so sets the client address the app's rate limits use.
  const app = spawnNode([serveScript, command, String(port)], env);
  const exited = exitCodeOf(app);
  void announceWhenListening(port, exited);
  return exited;
}

async function announceWhenListening(port: number, exited: Promise<number>): Promise<void> {
  let done = false;
  void exited.finally(() => (done = true));
  while (!done && !shutdownSignal) {
    if (await canConnect(port)) {
      console.log(`\nTezgah is ready: http://localhost:${port}  (${ms(performance.now())} after launch)\n`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function runNext(args: string[]): Promise<number> {
  return exitCodeOf(spawnNext(args, {}));
}

function spawnNext(args: string[], env: Record<string, string>): ChildProcess {
  return spawnNode([nextBin, ...args], env);
}

function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  // The launcher's own Node runs Next, not whatever `node` is first on PATH
  // (the system one may be too old). Our loader flags are not passed on.
  child = spawn(process.execPath, args, {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return child;
}

function exitCodeOf(process_: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    process_.once('error', reject);
    process_.once('exit', (code, signal) => {
      if (child === process_) child = undefined;
      resolve(code ?? (signal ? signalExitCode(signal) : 1));
    });
  });
}

function installSignalForwarding(): void {
  const onSignal = (signal: NodeJS.Signals) => {
    const repeated = shutdownSignal !== undefined;
    shutdownSignal ??= signal;
    // Next first; the database is stopped once Next has exited (see main), so
    // requests in flight can still finish their queries.
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
    } else if (repeated && !database) {
      process.exit(signalExitCode(signal));
    }
    wakeOnSignal?.();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
}

/**
 * PostgreSQL exiting on its own (a crash, the OOM killer, kill -9) does not stop Tezgah: it is
 * started again on the same port, replays its WAL, and the app's pool reconnects by itself (the
 * app answers 503 meanwhile). A server that keeps dying is given up on after
 * TEZGAH_DB_MAX_RESTARTS restarts within TEZGAH_DB_RESTART_WINDOW_SECONDS, and Tezgah stops.
 */
function watchForDatabaseCrash(server: EmbeddedPostgresServer): void {
  void server.exited.then(async ({ code, signal }) => {
    if (shutdownSignal || stopping) return; // a Ctrl-C in the terminal reaches PostgreSQL too
    const how = signal ?? `exit code ${code}`;
    const now = Date.now();
    const window = restartWindowSeconds() * 1000;
    while (restarts.length > 0 && restarts[0]! <= now - window) restarts.shift();
    if (restarts.length >= maxRestarts()) {
      console.error(
        `PostgreSQL stopped unexpectedly (${how}) after ${restarts.length} restart(s) in the last ${restartWindowSeconds()} s; ` +
          `giving up and stopping Tezgah. Look at the PostgreSQL log lines above, then start Tezgah again.`,
      );
      return giveUp();
    }
    restarts.push(now);
    console.error(`PostgreSQL stopped unexpectedly (${how}); restarting it (restart ${restarts.length} of at most ${maxRestarts()} in ${restartWindowSeconds()} s).`);
    try {
      const started = performance.now();
      const next = await server.restart();
      if (shutdownSignal || stopping) {
        await next.stop();
        return;
      }
      database = next;
      console.log(`PostgreSQL is back on port ${next.port} after ${ms(performance.now() - started)}.`);
      watchForDatabaseCrash(next);
    } catch (error) {
      console.error(`PostgreSQL could not be restarted; stopping Tezgah. ${error instanceof Error ? error.message : String(error)}`);
      giveUp();
    }
  });
}

const restarts: number[] = [];

function maxRestarts(): number {
  return positiveInteger(process.env.TEZGAH_DB_MAX_RESTARTS, 5, true);
}

function restartWindowSeconds(): number {
  return positiveInteger(process.env.TEZGAH_DB_RESTART_WINDOW_SECONDS, 600, false);
}

function positiveInteger(value: string | undefined, fallback: number, zeroAllowed: boolean): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isInteger(parsed) && (parsed > 0 || (zeroAllowed && parsed === 0)) ? parsed : fallback;
}

function giveUp(): void {
  exitCodeAfterStop = 1;
  shutdownSignal = 'SIGTERM';
  if (child && child.exitCode === null) child.kill('SIGTERM');
  else wakeOnSignal?.();
  // With no app running (`launch.ts db`, or Next already gone) nothing else ends the wait.
  if (!child && !wakeOnSignal) void stopAndExitCode(1).then((code) => process.exit(code));
}

/** Set when Tezgah stops because its database could not be kept running. */
let exitCodeAfterStop: number | undefined;

async function stopAndExitCode(code: number): Promise<number> {
  stopping = true;
  if (exitCodeAfterStop !== undefined) code = exitCodeAfterStop;
  if (database) {
    await database.stop();
    database = undefined;
  }
  return code;
}

// Only what needs attention; the full log stays in the error if PostgreSQL fails.
let showContinuation = false;
function printPostgresLine(line: string, source: EmbeddedLogSource): void {
  if (source === 'launcher') {
    console.log(line);
    return;
  }
  if (source !== 'postgres') return;
  const level = /\b(LOG|INFO|NOTICE|WARNING|ERROR|FATAL|PANIC|DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION):\s/.exec(line)?.[1];
  if (level && ['DETAIL', 'HINT', 'STATEMENT', 'CONTEXT', 'QUERY', 'LOCATION'].includes(level)) {
    if (showContinuation) console.error(`[postgres] ${line}`);
    return;
  }
  showContinuation = level === 'WARNING' || level === 'ERROR' || level === 'FATAL' || level === 'PANIC';
  // On Ctrl-C the terminal signals PostgreSQL too, and it says so for every open
  // connection; that is the shutdown we asked for, not a problem.
  if (line.includes('terminating connection due to administrator command')) showContinuation = false;
  if (showContinuation) console.error(`[postgres] ${line}`);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    // Same address Next binds by default (all interfaces).
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 0);
}

function ms(value: number): string {
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await stopAndExitCode(1).catch(() => undefined);
    if (child && child.exitCode === null) child.kill('SIGTERM');
    process.exit(1);
  },
);
