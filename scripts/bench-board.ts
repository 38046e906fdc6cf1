/*
 * How fast a big sales board opens in a real browser:
 * `npx tsx --import ./scripts/server-only-hook.mjs scripts/bench-board.ts`.
 *
 * Starts the app (`npm start`, which builds when there is no build) on BOARD_PORT (3401) with its
 * own data folder (BOARD_DATA_DIR, .data-board), makes an owner with a business whose board holds
 * BOARD_DEALS (5000) deals over the five default stages, signs in with Debian's Chromium and opens
 * the board BOARD_RUNS (7) times. Prints `deals.board.browser p50=<ms> p95=<ms> n=<deals>`: the time
 * from navigation start until every column shows its first cards and the page is hydrated, so a
 * card can be picked up (dnd-kit's live region for announcements exists only on the client).
 */
// Registers the modules' event subscribers (audit entries, notifications) before any write.
import '../src/composition/wiring';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { and, asc, eq } from 'drizzle-orm';
import { readRunningEmbeddedUrl } from '../src/server/db/embedded';
import { closeDb, getDb } from '../src/server/db/client';
import { pipelineStages } from '../src/server/db/schema';
import { ensureDefaultPipeline } from '../src/modules/deals/mutations';
import { contextFor, createTestBusiness, createUser } from '../tests/factories';
import { insertTestDeals } from '../tests/factories/deals';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/env';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = path.resolve(root, process.env.BOARD_DATA_DIR ?? '.data-board');
const port = Number(process.env.BOARD_PORT ?? 3401);
const wanted = Number(process.env.BOARD_DEALS ?? 5000);
const runs = Number(process.env.BOARD_RUNS ?? 7);
const baseUrl = `http://localhost:${port}`;

async function startApp(): Promise<ChildProcess> {
  const app = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return app;
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
  process.kill(-app.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function main() {
  const app = await startApp();
  try {
    const url = readRunningEmbeddedUrl(dataDir);
    if (!url) throw new Error(`No running database for ${dataDir}`);
    process.env.DATABASE_URL = url;
    const db = getDb();
    const owner = await createUser(db, { name: 'Pano Ölçen' });
    const business = await createTestBusiness(db, owner, { name: `Pano ${Date.now()}` });
    const ctx = await contextFor(db, owner.id, business.slug);
    const pipelineId = await ensureDefaultPipeline(db, ctx);
    const stageIds = (
      await db
        .select({ id: pipelineStages.id })
        .from(pipelineStages)
        .where(and(eq(pipelineStages.businessId, business.id), eq(pipelineStages.pipelineId, pipelineId)))
        .orderBy(asc(pipelineStages.position))
    ).map((s) => s.id);
    await insertTestDeals(db, { businessId: business.id, pipelineId, stageIds, count: wanted, currency: 'TRY', ownerId: ctx.personnelId });
    await closeDb();

    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await (await browser.newContext({ baseURL: baseUrl, locale: 'tr-TR', viewport: { width: 1440, height: 900 } })).newPage();
      await page.goto('/sign-in');
      await page.getByRole('textbox', { name: 'E-posta', exact: true }).fill(owner.email);
      await page.getByRole('textbox', { name: 'Şifre', exact: true }).fill(owner.password);
      await page.getByRole('button', { name: 'Giriş yap', exact: true }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: 60_000 });
      const times: number[] = [];
      // The first visit compiles nothing (a production build) but warms the server's caches.
      for (let i = 0; i < runs + 1; i++) {
        await page.goto(`/${business.slug}/deals`, { waitUntil: 'commit' });
        const handle = await page.waitForFunction(
          (columns) => {
            const shown = [...document.querySelectorAll('[data-column]')];
            const ready =
              shown.length === columns &&
              shown.every((c) => c.querySelector('[data-testid="deal-card"]')) &&
              document.querySelector('[id^="DndLiveRegion"]') !== null;
            return ready ? performance.now() : false;
          },
          stageIds.length,
          { polling: 'raf', timeout: 60_000 },
        );
        const ms = (await handle.jsonValue()) as number;
        if (i > 0) times.push(ms);
      }
      // A card can really be picked up: space on it starts a drag (its announcement appears).
      await page.locator('[data-testid="deal-card"]').first().locator('xpath=..').focus();
      await page.keyboard.press('Space');
      await page.waitForFunction(() => (document.querySelector('[id^="DndLiveRegion"]')?.textContent ?? '').length > 0, undefined, { timeout: 5_000 });
      await page.keyboard.press('Escape');
      times.sort((a, b) => a - b);
      console.log(`deals.board.browser p50=${percentile(times, 50).toFixed(0)} p95=${percentile(times, 95).toFixed(0)} n=${wanted}`);
    } finally {
      await browser.close();
    }
  } finally {
    await closeDb();
    await stopApp(app);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
