/**
 * The domain-event runtime against the real database and a real pg-boss: in-transaction
 * subscribers commit and roll back with the change, job subscribers run only after a commit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { getWorkingBoss, stopBoss } from '@/server/jobs/boss';
import { newId } from '@/lib/ids';
import { DOMAIN_EVENTS_QUEUE, emitChange, registeredSubscribers, registerSubscribers, workDomainEventJobs, type DomainEvent, type Subscriber } from './domain';

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

async function waitFor(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('domain events', () => {
  it('runs tx subscribers inside the writer’s transaction and job subscribers after its commit only', async () => {
    const db = getDb();
    const table = `events_probe_${newId().replaceAll('-', '').slice(0, 12)}`;
    await db.execute(sql.raw(`create table ${table} (id text primary key)`));
    const jobRuns: DomainEvent[] = [];
    const probes: Subscriber[] = [
      {
        name: 'test.tx',
        on: 'probe.create',
        mode: 'tx',
        async handle(tx, event) {
          await tx.execute(sql`insert into ${sql.identifier(table)} (id) values (${`tx:${event.entityId}`})`);
        },
      },
      {
        name: 'test.job',
        on: ['probe.create'],
        mode: 'job',
        async handle(_db, event) {
          jobRuns.push(event);
        },
      },
    ];
    const before = registeredSubscribers();
    // Unaudited: the probe's business does not exist, and the audit subscriber would refuse it.
    registerSubscribers([...before, ...probes]);
    const businessId = newId();
    const actor = { businessId, userId: null };
    try {
      await stopBoss();
      const boss = await getWorkingBoss();
      await workDomainEventJobs(boss);

      const committed = newId();
      await db.transaction(async (tx) => {
        await emitChange(tx, actor, { action: 'create', entityType: 'probe', entityId: committed, unaudited: true, refs: { ids: ['a'] } });
      });
      const rolledBack = newId();
      await expect(
        db.transaction(async (tx) => {
          await emitChange(tx, actor, { action: 'create', entityType: 'probe', entityId: rolledBack, unaudited: true });
          throw new Error('the writer fails after emitting');
        }),
      ).rejects.toThrow('the writer fails');

      const rows = await db.execute<{ id: string }>(sql.raw(`select id from ${table} order by id`));
      expect(rows.rows.map((r) => r.id)).toEqual([`tx:${committed}`]);

      // Every job queued for the probe's business has finished: a wrongly queued second one has run too.
      await waitFor(async () => {
        const jobs = await boss.findJobs(DOMAIN_EVENTS_QUEUE, { data: { event: { businessId } } });
        return jobs.length > 0 && jobs.every((job) => job.state === 'completed' || job.state === 'failed');
      });
      expect(jobRuns.map((e) => e.entityId)).toEqual([committed]);
      expect(jobRuns[0]).toMatchObject({ type: 'probe.create', businessId, action: 'create', refs: { ids: ['a'] }, actor: { userId: null } });
    } finally {
      await stopBoss();
      registerSubscribers(before);
      await db.execute(sql.raw(`drop table ${table}`));
    }
  });

  it('rolls the change back when a tx subscriber fails', async () => {
    const db = getDb();
    const before = registeredSubscribers();
    registerSubscribers([
      ...before,
      { name: 'test.fails', on: 'probe.update', mode: 'tx', handle: async () => Promise.reject(new Error('subscriber refused')) },
    ]);
    try {
      await expect(
        db.transaction(async (tx) => {
          await emitChange(tx, { businessId: newId(), userId: null }, { action: 'update', entityType: 'probe', entityId: newId(), unaudited: true });
        }),
      ).rejects.toThrow('subscriber refused');
    } finally {
      registerSubscribers(before);
    }
  });

  it('refuses two subscribers of one name', () => {
    const s: Subscriber = { name: 'same', on: '*', mode: 'tx', handle: async () => undefined };
    expect(() => registerSubscribers([s, s])).toThrow('Two subscribers are named same');
  });
});
