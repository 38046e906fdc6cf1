/*
 * `npm run worker`: works the job queues in a process of its own, beside `npm start` (which works
 * them too, unless started with TEZGAH_WORKER=off). It uses the app's database: DATABASE_URL, or
 * the embedded server that `npm start` runs for the same DATA_DIR.
 */
import { readRunningEmbeddedUrl, resolveDataDir } from '../src/server/db/embedded';
import { getDatabaseUrl } from '../src/server/db/database-url';
import { closeDb } from '../src/server/db/client';
import { startWorker, stopWorker } from '../src/composition/jobs';

let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await stopWorker().catch((err: unknown) => console.error(err));
    await closeDb().catch(() => undefined);
  }
  process.exit(code);
}

async function main(): Promise<void> {
  let url: string;
  try {
    url = getDatabaseUrl();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const startedAt = performance.now();
  const { queues } = await startWorker();
  const where = new URL(url);
  console.log(
    `Worker ready in ${Math.round(performance.now() - startedAt)} ms: ${queues.join(', ')} ` +
      `on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'the embedded PostgreSQL'} at ${where.hostname}:${where.port || 5432}. Ctrl-C stops it.`,
  );

  if (!process.env.DATABASE_URL) {
    // The embedded server belongs to `npm start`: when it stops, a restart may use another port.
    const dataDir = resolveDataDir();
    setInterval(() => {
      if (readRunningEmbeddedUrl(dataDir) !== url) {
        console.log('The app and its embedded database stopped; the worker stops too.');
        void stop(0);
      }
    }, 2_000).unref();
  }
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await stop(1);
});
