/*
 * `npm run bench`: response times of the public API against a seeded database, one line per
 * operation: `<name> p50=<ms> p95=<ms> n=<rows>`, where n is the number of rows the operation works
 * over (the business's customers, for example).
 *
 * By default it seeds `.data-bench` (once; `npm run seed -- --customers 100000` into that folder),
 * starts the app on BENCH_PORT (3400) with that data, makes an API key for the big business and
 * measures from this process over HTTP, one request at a time after a warm-up.
 *
 * The floor: `api.floor` is Tezgah's `/api/health` (one `select 1`), `node.floor` a bare node:http
 * server started here that runs the same `select 1` through its own `pg` pool on the same database;
 * the two are called alternately, call by call, so both see the same machine load, and
 * `floor.ratio` divides their percentiles. `idle.db` is the database's own busy time per second
 * (`pg_stat_database.active_time`) and its transactions per second while nobody calls the app: what
 * the job runner's polling costs. Targets at 100,000 customers: list 50 p95 ≤ 10 ms, get one ≤ 6 ms,
 * create ≤ 10 ms; floor ratio ≤ 1.5 at p50 and ≤ 2 at p95.
 *
 * Environment: BENCH_DATA_DIR (.data-bench), BENCH_CUSTOMERS (100000), BENCH_PORT (3400),
 * BENCH_ITERATIONS (300), BENCH_ONLY (comma-separated operation names), BENCH_DEALS (5000: open deals
 * seeded once on the demo business's first pipeline, for `deals.board` and `deals.move`), BENCH_PROJECTS
 * (20000: projects of the demo business, made once, for `projects.search` and `projects.filter`;
 * target p95 ≤ 20 ms each).
 */
// Registers the modules' event subscribers (audit entries, notifications) before any write.
import '../src/composition/wiring';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import pg from 'pg';
import { readRunningEmbeddedUrl } from '../src/server/db/embedded';
import { closeDb, getDb, getPool } from '../src/server/db/client';
import { apiKeys, businesses, customers, deals, interactionCustomers, personnel, pipelineStages, projects, tasks } from '../src/server/db/schema';
import { loadBusinessContextById } from '../src/server/auth/context';
import { createApiKey } from '../src/modules/api-keys/mutations';
import { randomSource } from '../tests/factories/crm-data';
import { insertTestDeals } from '../tests/factories/deals';
import { ensureDefaultPipeline } from '../src/modules/deals/mutations';
import { insertProjectsBulk, insertTasksBulk, insertTestProject } from '../tests/factories/projects';
import { getProject } from '../src/modules/projects/queries';
import { findBoardTasks } from '../src/modules/tasks/queries';
import { directusFromEnv, directusPairs } from './bench-peers';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = path.resolve(root, process.env.BENCH_DATA_DIR ?? '.data-bench');
const wantedCustomers = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const port = Number(process.env.BENCH_PORT ?? 3400);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 300);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const baseUrl = `http://localhost:${port}`;

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

async function startApp(): Promise<ChildProcess> {
  const app = spawn('npm', ['start'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      // The benchmark sends thousands of requests a minute with one key.
      API_RATE_LIMIT_PER_MINUTE: '100000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  app.stdout?.on('data', () => {});
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return app;
    } catch {
      // not up yet
    }
    if (app.exitCode !== null) throw new Error(`The app exited with ${app.exitCode}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('The app did not start within 10 minutes');
}

async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || !app.pid) return;
  const exited = new Promise((resolve) => app.on('exit', resolve));
  // The launcher stops Next and then PostgreSQL on SIGTERM; the group catches npm's children too.
  process.kill(-app.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

type Operation = { name: string; rows: number; run: (i: number) => Promise<void> };

/** Runs the operations alternately, one call each in turn, and prints each one's percentiles. */
async function measureInterleaved(ops: Operation[]): Promise<Map<string, number[]>> {
  const times = new Map(ops.map((op) => [op.name, [] as number[]]));
  if (only && !ops.some((op) => only.includes(op.name))) return times;
  const warmup = Math.min(30, Math.ceil(iterations / 10));
  for (let i = 0; i < warmup; i++) for (const op of ops) await op.run(i);
  for (let i = 0; i < iterations; i++) {
    for (const op of i % 2 === 0 ? ops : [...ops].reverse()) {
      const started = performance.now();
      await op.run(warmup + i);
      times.get(op.name)!.push(performance.now() - started);
    }
  }
  for (const op of ops) {
    const sorted = times.get(op.name)!.sort((a, b) => a - b);
    console.log(`${op.name} p50=${percentile(sorted, 50).toFixed(2)} p95=${percentile(sorted, 95).toFixed(2)} n=${op.rows}`);
  }
  return times;
}

/** The bare server of the floor: node:http and a pg pool, nothing else. */
async function startFloorServer(databaseUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = http.createServer((_req, res) => {
    pool.query('select 1').then(
      () => {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end('{"status":"ok"}');
      },
      () => {
        res.writeHead(503).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: floorPort } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${floorPort}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

/** Database busy time and transactions per second over `seconds` while this bench sends nothing. */
async function measureIdle(seconds: number): Promise<void> {
  if (only && !only.includes('idle.db')) return;
  const read = async () => {
    const { rows } = await getPool().query<{ active: number; xacts: string }>(
      'select active_time as active, xact_commit + xact_rollback as xacts from pg_stat_database where datname = current_database()',
    );
    return { active: Number(rows[0]!.active), xacts: Number(rows[0]!.xacts), at: performance.now() };
  };
  // The statistics are flushed by each backend about once a second.
  await new Promise((r) => setTimeout(r, 2000));
  const before = await read();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = await read();
  const elapsed = (after.at - before.at) / 1000;
  // Minus this bench's own two reads.
  console.log(
    `idle.db active_ms_per_s=${((after.active - before.active) / elapsed).toFixed(2)} xacts_per_s=${((after.xacts - before.xacts - 1) / elapsed).toFixed(2)} seconds=${elapsed.toFixed(0)}`,
  );
}

async function measure(op: Operation): Promise<void> {
  if (only && !only.includes(op.name)) return;
  const warmup = Math.min(30, Math.ceil(iterations / 10));
  for (let i = 0; i < warmup; i++) await op.run(i);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await op.run(warmup + i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`${op.name} p50=${percentile(times, 50).toFixed(1)} p95=${percentile(times, 95).toFixed(1)} n=${op.rows}`);
}

async function main() {
  await run('npm', ['run', '--silent', 'seed', '--', '--customers', String(wantedCustomers)], { DATA_DIR: dataDir, DATABASE_URL: '' });
  console.log(`Starting the app on ${baseUrl} with ${dataDir} ...`);
  const app = await startApp();
  try {
    const url = readRunningEmbeddedUrl(dataDir);
    if (!url) throw new Error(`No running database for ${dataDir}`);
    process.env.DATABASE_URL = url;
    const db = getDb();
    const [demo] = await db
      .select({ id: businesses.id, userId: personnel.userId })
      .from(businesses)
      .innerJoin(personnel, and(eq(personnel.businessId, businesses.id), eq(personnel.role, 'owner')))
      .where(eq(businesses.name, 'Demo Tezgah'));
    if (!demo?.userId) throw new Error('No "Demo Tezgah" business with an owner who can sign in');
    const ctx = await loadBusinessContextById(db, demo.userId, demo.id);
    await db.delete(apiKeys).where(and(eq(apiKeys.businessId, demo.id), eq(apiKeys.name, 'bench')));
    const { key } = await createApiKey(db, ctx, { name: 'bench', role: 'admin', expiresAt: null });
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-language': 'tr' };

    const [{ n: customerRows } = { n: 0 }] = await db.select({ n: count() }).from(customers).where(eq(customers.businessId, demo.id));
    const [{ n: timelineRows } = { n: 0 }] = await db
      .select({ n: count() })
      .from(interactionCustomers)
      .where(eq(interactionCustomers.businessId, demo.id));
    // Profiles of customers that have a timeline, spread over the table.
    const profileIds = (
      await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.businessId, demo.id), gt(customers.lastInteractionAt, sql`'epoch'::timestamptz`)))
        .orderBy(desc(customers.sortName))
        .limit(500)
    ).map((r) => r.id);
    // A board of BENCH_DEALS open deals, spread over the open stages of the first pipeline.
    const wantedDeals = Number(process.env.BENCH_DEALS ?? 5000);
    const pipelineId = await ensureDefaultPipeline(db, ctx);
    const stageRows = await db
      .select({ id: pipelineStages.id, kind: pipelineStages.kind })
      .from(pipelineStages)
      .where(and(eq(pipelineStages.businessId, demo.id), eq(pipelineStages.pipelineId, pipelineId)))
      .orderBy(pipelineStages.position);
    const openStages = stageRows.filter((s) => s.kind === 'open').map((s) => s.id);
    const [{ n: dealRows } = { n: 0 }] = await db.select({ n: count() }).from(deals).where(eq(deals.businessId, demo.id));
    if (dealRows < wantedDeals) {
      const someCustomers = (await db.select({ id: customers.id }).from(customers).where(eq(customers.businessId, demo.id)).limit(1000)).map((r) => r.id);
      await insertTestDeals(db, { businessId: demo.id, pipelineId, stageIds: openStages, count: wantedDeals - dealRows, currency: 'TRY', ownerId: ctx.personnelId, customerIds: someCustomers });
      await db.execute(sql`analyze deals`);
    }
    const [{ n: boardRows } = { n: 0 }] = await db.select({ n: count() }).from(deals).where(eq(deals.businessId, demo.id));
    // Cards to move: the top ones of the first two open stages, moved back and forth between them.
    const movers = (
      await db
        .select({ id: deals.id })
        .from(deals)
        .where(and(eq(deals.businessId, demo.id), eq(deals.stageId, openStages[0]!)))
        .orderBy(deals.position)
        .limit(20)
    ).map((r) => r.id);

    // A board of 2,000 tasks in the demo business, made once and kept across runs.
    const BOARD_TASKS = 2000;
    const [existing] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.businessId, demo.id), eq(projects.name, 'Bench Pano')));
    let boardId = existing?.id;
    if (!boardId) {
      const project = await insertTestProject(db, demo.id, { name: 'Bench Pano', ownerId: ctx.personnelId });
      await insertTasksBulk(db, demo.id, project, BOARD_TASKS, { assigneeId: ctx.personnelId, createdById: ctx.personnelId });
      boardId = project.id;
    }
    const board = await getProject(db, ctx, boardId);
    const boardTaskIds = (await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.businessId, demo.id), eq(tasks.projectId, boardId))).limit(500)).map((r) => r.id);
    const taskBoardRows = board.progress.total;

    // BENCH_PROJECTS projects in the demo business for the project list, made once and kept, for
    // 3,000 customers (in the order they were made, so their names are spread over the alphabet).
    const wantedProjects = Number(process.env.BENCH_PROJECTS ?? 20_000);
    const [{ n: projectCount } = { n: 0 }] = await db.select({ n: count() }).from(projects).where(eq(projects.businessId, demo.id));
    const projectCustomers = (await db.select({ id: customers.id }).from(customers).where(eq(customers.businessId, demo.id)).orderBy(customers.id).limit(3000)).map((r) => r.id);
    const projectOwners = (await db.select({ id: personnel.id }).from(personnel).where(eq(personnel.businessId, demo.id)).limit(20)).map((r) => r.id);
    if (projectCount < wantedProjects) {
      await insertProjectsBulk(db, demo.id, wantedProjects - projectCount, { customerIds: projectCustomers, ownerIds: projectOwners, seed: projectCount });
      await db.execute(sql`analyze projects`);
    }
    const [{ n: projectRows } = { n: 0 }] = await db.select({ n: count() }).from(projects).where(eq(projects.businessId, demo.id));
    // Customers that have projects, with their names, for the customer filter and name searches.
    const projectCustomerRows = await db
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(and(eq(customers.businessId, demo.id), sql`exists (select 1 from ${projects} p where p.business_id = ${customers.businessId} and p.customer_id = ${customers.id})`))
      .limit(200);

    await measureIdle(Number(process.env.BENCH_IDLE_SECONDS ?? 20));

    const floor = await startFloorServer(url);
    try {
      const times = await measureInterleaved([
        {
          name: 'api.floor',
          rows: 0,
          run: async () => {
            const response = await fetch(`${baseUrl}/api/health`);
            if (!response.ok) throw new Error(`GET /api/health answered ${response.status}`);
            await response.text();
          },
        },
        {
          name: 'node.floor',
          rows: 0,
          run: async () => {
            const response = await fetch(floor.url);
            if (!response.ok) throw new Error(`the floor server answered ${response.status}`);
            await response.text();
          },
        },
      ]);
      const api = times.get('api.floor')!;
      const bare = times.get('node.floor')!;
      if (api.length > 0) {
        const ratio = (p: number) => (percentile(api, p) / percentile(bare, p)).toFixed(2);
        console.log(`floor.ratio p50=${ratio(50)} p95=${ratio(95)} (targets: 1.5, 2)`);
      }
    } finally {
      await floor.close();
    }

    const get = async (pathAndQuery: string) => {
      const response = await fetch(`${baseUrl}${pathAndQuery}`, { headers });
      const body = await response.text();
      if (!response.ok) throw new Error(`GET ${pathAndQuery} answered ${response.status}: ${body.slice(0, 300)}`);
      return body;
    };
    const rng = randomSource(7);
    const SEARCHES = ['ayse', 'yılmaz', 'ŞAHİN', 'anadolu gida', 'ozturk', '0532100', 'example.com', 'mehmet kaya', 'işık', 'tekstil a.ş'];

    // Cursors from the first pages, so later-page reads are measured too.
    const cursors: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const body = JSON.parse(await get(`/api/v1/customers?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)) as {
        nextCursor: string | null;
      };
      if (!body.nextCursor) break;
      cursors.push(body.nextCursor);
      cursor = body.nextCursor;
    }

    const createCustomer = async (i: number) => {
      const response = await fetch(`${baseUrl}/api/v1/customers`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          kind: 'person',
          name: `Bench Kişi ${i} ${rng.int(0, 1e9)}`,
          emails: [`bench-${Date.now()}-${i}@example.com`],
          phones: [`0555 ${String(rng.int(100, 999))} ${String(rng.int(10, 99))} ${String(rng.int(10, 99))}`],
          city: 'İzmir',
        }),
      });
      if (response.status !== 201) throw new Error(`POST /customers answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    };

    // Side by side with Directus, when one is running (BENCH_DIRECTUS_URL): each pair interleaved.
    const directus = directusFromEnv();
    if (directus) {
      for (const pair of await directusPairs(directus, { get, create: createCustomer, profileIds, rows: customerRows })) {
        const times = await measureInterleaved(pair);
        const [ours, theirs] = pair.map((op) => times.get(op.name)!.sort((a, b) => a - b));
        if (ours!.length > 0) console.log(`${pair[0].name}/directus p50=${(percentile(ours!, 50) / percentile(theirs!, 50)).toFixed(2)} p95=${(percentile(ours!, 95) / percentile(theirs!, 95)).toFixed(2)}`);
      }
    }

    await measure({ name: 'customers.list50', rows: customerRows, run: async () => void (await get('/api/v1/customers?limit=50')) });
    await measure({
      name: 'customers.list50.next-page',
      rows: customerRows,
      run: async (i) => void (await get(`/api/v1/customers?limit=50&cursor=${encodeURIComponent(cursors[i % cursors.length]!)}`)),
    });
    await measure({
      name: 'customers.search',
      rows: customerRows,
      run: async (i) => void (await get(`/api/v1/customers?limit=50&search=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}`)),
    });
    await measure({ name: 'customers.get', rows: customerRows, run: async (i) => void (await get(`/api/v1/customers/${profileIds[i % profileIds.length]!}`)) });
    await measure({
      name: 'customers.profile+timeline',
      rows: timelineRows,
      run: async (i) => {
        const id = profileIds[i % profileIds.length]!;
        await Promise.all([get(`/api/v1/customers/${id}`), get(`/api/v1/interactions?customerId=${id}&limit=20`)]);
      },
    });
    await measure({ name: 'customers.create', rows: customerRows, run: createCustomer });
    await measure({ name: 'deals.board', rows: boardRows, run: async () => void (await get(`/api/v1/pipelines/${pipelineId}/board`)) });
    await measure({
      name: 'deals.move',
      rows: boardRows,
      run: async (i) => {
        // Each round sends the cards to the end of the other stage; one row written per move.
        const id = movers[i % movers.length]!;
        const stageId = openStages[Math.floor(i / movers.length) % 2 === 0 ? 1 : 0]!;
        const response = await fetch(`${baseUrl}/api/v1/deals/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ stageId, beforeId: null, afterId: null }) });
        if (response.status !== 200) throw new Error(`PATCH /deals answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      },
    });
    // The project list of the API at BENCH_PROJECTS projects: searches (Turkish letters either way,
    // parts of project names and of customers' names) and filters (status, customer, owner, end
    // date range, sorted by name or end date), 50 a page. Target: p95 ≤ 20 ms each.
    const PROJECT_SEARCHES = ['yenileme', 'YENİLEME', 'magaza', 'şube açılışı', 'ürün çekimi', 'iç mimari', 'tasarimi', 'katalog bakımı', ...projectCustomerRows.slice(0, 4).map((c) => c.name.split(' ')[0]!)];
    await measure({
      name: 'projects.search',
      rows: projectRows,
      run: async (i) => {
        const sorts = ['', '&sort=name', '&sort=due', '&status=active'];
        await get(`/api/v1/projects?limit=50&search=${encodeURIComponent(PROJECT_SEARCHES[i % PROJECT_SEARCHES.length]!)}${sorts[i % sorts.length]}`);
      },
    });
    await measure({
      name: 'projects.filter',
      rows: projectRows,
      run: async (i) => {
        const customer = projectCustomerRows[i % projectCustomerRows.length]!;
        const owner = projectOwners[i % projectOwners.length]!;
        const filters = [
          `status=active&customerId=${customer.id}`,
          `status=on_hold&sort=name`,
          `ownerId=${owner}&sort=due`,
          `dueFrom=2025-06-01&dueTo=2025-06-30&sort=due`,
          `status=planned&dueFrom=2026-01-01&sort=-due`,
          `customerId=${customer.id}&sort=-created`,
        ];
        await get(`/api/v1/projects?limit=50&${filters[i % filters.length]}`);
      },
    });
    // What the project page reads: the project with its columns and every card of its board
    // (in this process, through the same query functions as the page's server component).
    await measure({
      name: 'tasks.board',
      rows: taskBoardRows,
      run: async () => {
        await Promise.all([getProject(getDb(), ctx, boardId), findBoardTasks(getDb(), ctx, boardId)]);
      },
    });
    // A drag and drop: a card to a column, after one of its cards, through the API.
    await measure({
      name: 'tasks.move',
      rows: taskBoardRows,
      run: async (i) => {
        const id = boardTaskIds[i % boardTaskIds.length]!;
        const status = board.statuses[i % board.statuses.length]!;
        const anchor = boardTaskIds[(i * 7 + 3) % boardTaskIds.length]!;
        const response = await fetch(`${baseUrl}/api/v1/tasks/${id}`, {
          method: 'PATCH',
          headers,
          // The anchor may sit in another column: the server then puts the card at the end.
          body: JSON.stringify({ statusId: status.id, beforeId: anchor === id ? null : anchor }),
        });
        if (response.status !== 200) throw new Error(`PATCH /tasks answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      },
    });
  } finally {
    await closeDb();
    await stopApp(app);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
