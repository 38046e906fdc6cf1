/**
 * Runs once when a Next server starts. By default the app process also works the job queues, so a
 * single `npm start` is a complete installation; TEZGAH_WORKER=off leaves that to `npm run worker`
 * processes (several app instances behind a load balancer, heavy jobs).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // The modules' event subscribers, registered before the first request or job.
  await import('./composition/wiring');
  if (process.env.TEZGAH_WORKER === 'off') {
    console.info('[jobs] TEZGAH_WORKER=off: jobs wait for `npm run worker`.');
    return;
  }
  const { startWorker } = await import('./composition/jobs');
  // Not awaited: a database that is slow to answer must not hold up serving pages.
  startWorker().then(
    ({ queues }) => console.info(`[jobs] worker running in the app process: ${queues.join(', ')}`),
    (err: unknown) => console.error('[jobs] worker did not start:', err instanceof Error ? err.message : err),
  );
}
