import 'server-only';
import { PgBoss } from 'pg-boss';
import { getDatabaseUrl } from '../db/database-url';
import { QUEUES, type QueueName } from './queues';

type Holder = { boss?: Promise<PgBoss>; working?: boolean };
// One instance per process, kept across Next's module reloads in development.
const holder = ((globalThis as Record<string, unknown>).__tezgahBoss ??= {}) as Holder;

/**
 * The pg-boss instance of this process, started on first use. Its tables live in the `pgboss`
 * schema of the app's own database, installed and upgraded by pg-boss itself (under an advisory
 * lock, so several processes may start at once). A process that only sends jobs runs no
 * maintenance and holds no LISTEN connection; one that works them (see worker.ts) does both.
 */
export function getBoss(): Promise<PgBoss> {
  holder.boss ??= createBoss(holder.working === true).catch((err: unknown) => {
    holder.boss = undefined;
    throw err;
  });
  return holder.boss;
}

/** Switches this process to working jobs; the instance is made again if it only sent so far. */
export async function getWorkingBoss(): Promise<PgBoss> {
  if (!holder.working) {
    holder.working = true;
    if (holder.boss) await stopBoss({ keepRole: true });
  }
  return getBoss();
}

async function createBoss(working: boolean): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: getDatabaseUrl(),
    application_name: working ? 'tezgah:worker' : 'tezgah:jobs',
    max: working ? 4 : 2,
    migrate: true,
    // Maintenance, cron and the wake-up listener belong where jobs are worked.
    supervise: working,
    schedule: working,
    useListenNotify: working,
  });
  // An EventEmitter without an `error` listener throws, which would end the process.
  boss.on('error', (err) => console.error('[jobs]', err instanceof Error ? err.message : err));
  boss.on('warning', (warning) => console.warn('[jobs]', warning.message));
  await boss.start();
  for (const [name, options] of Object.entries(QUEUES) as [QueueName, (typeof QUEUES)[QueueName]][]) {
    await boss.createQueue(name, options);
    // createQueue leaves an existing queue as it was: carry changed settings over.
    const { policy: _policy, ...changeable } = options;
    await boss.updateQueue(name, changeable);
  }
  return boss;
}

/** Stops the instance, failing back any job in hand so another worker takes it. */
export async function stopBoss(options: { keepRole?: boolean } = {}): Promise<void> {
  const starting = holder.boss;
  holder.boss = undefined;
  if (!options.keepRole) holder.working = false;
  const boss = await starting?.catch(() => undefined);
  await boss?.stop({ graceful: true, timeout: 10_000 });
}
