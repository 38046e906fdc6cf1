/**
 * Domain events through PostgreSQL NOTIFY and the process's one LISTEN connection, against the
 * real database: delivered after commit only, to the right business only, across processes, and
 * again after the connection is lost.
 */
import { spawn } from 'node:child_process';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { newId } from '@/lib/ids';
import type { LiveEvent } from '@/lib/live-events';
import { deletePersonnelOperation, updatePersonnelOperation } from '@/modules/personnel/operations';
import { updateBusinessOperation } from '@/modules/businesses/operations';
import { getPersonnel } from '@/modules/personnel/queries';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { testDatabaseUrl } from '../../../tests/db';
import { publishEvent } from './publish';
import { getEventListener, stopEventListener, subscribeToBusiness, type ListenerMessage } from './listener';

afterAll(async () => {
  await stopEventListener();
  await closeDb();
});

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const MARKER = 'marker:';

/** Collects what a business's subscriber receives, leaving out the markers of `drain`. */
async function collect(businessId: string) {
  const received: ListenerMessage[] = [];
  const unsubscribe = await subscribeToBusiness(businessId, (m) => received.push(m));
  const all = () => received.filter((m): m is Extract<ListenerMessage, { type: 'event' }> => m.type === 'event').map((m) => m.event);
  const events = () => all().filter((e) => !e.id.startsWith(MARKER));
  return { received, all, events, unsubscribe };
}

async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Events reach a subscriber in commit order: commits a marker event for each business and waits
 * until every subscriber has it, so whatever was committed before has arrived, or never will.
 */
async function drain(businessIds: string[], subs: { all: () => { id: string }[] }[]): Promise<void> {
  const id = `${MARKER}${newId()}`;
  for (const businessId of businessIds) {
    await getDb().transaction((tx) => publishEvent(tx, { businessId, kind: 'business.updated', id, actorUserId: null }));
  }
  await waitFor(() => subs.every((sub) => sub.all().some((e) => e.id === id)));
}

describe('events', () => {
  it('delivers an event only once its transaction commits, and never one that rolled back', async () => {
    const businessId = newId();
    const sub = await collect(businessId);
    const db = getDb();

    let committedAt = 0;
    await db.transaction(async (tx) => {
      await publishEvent(tx, { businessId, kind: 'personnel.updated', id: 'a', actorUserId: null });
      await drain([businessId], [sub]);
      // Still inside the transaction: nobody may hear of it yet, though a later commit has arrived.
      expect(sub.events()).toHaveLength(0);
    });
    committedAt = performance.now();
    await waitFor(() => sub.events().length === 1);
    const latency = performance.now() - committedAt;
    console.log(`[events] commit → subscriber: ${latency.toFixed(1)} ms`);
    expect(latency).toBeLessThan(1_000);

    await db
      .transaction(async (tx) => {
        await publishEvent(tx, { businessId, kind: 'personnel.deleted', id: 'rolled-back', actorUserId: null });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    // A later committed event arrives; the rolled-back one never did, before or after it.
    await db.transaction((tx) => publishEvent(tx, { businessId, kind: 'personnel.created', id: 'b', actorUserId: null }));
    await waitFor(() => sub.events().length === 2);
    await drain([businessId], [sub]);
    expect(sub.events().map((e) => e.id)).toEqual(['a', 'b']);
    sub.unsubscribe();
  });

  it('delivers to the subscribers of the event’s business only', async () => {
    const [a, b] = [newId(), newId()];
    const subA = await collect(a);
    const subB = await collect(b);
    const subA2 = await collect(a);
    for (const businessId of [a, b, a]) {
      await getDb().transaction((tx) => publishEvent(tx, { businessId, kind: 'business.updated', id: businessId }));
    }
    await waitFor(() => subA.events().length === 2 && subB.events().length === 1);
    await drain([a, b], [subA, subB, subA2]);
    expect(subA.events().every((e) => e.businessId === a)).toBe(true);
    expect(subA2.events().map((e) => e.eventId)).toEqual(subA.events().map((e) => e.eventId));
    expect(subB.events().map((e) => e.businessId)).toEqual([b]);
    subA.unsubscribe();
    subB.unsubscribe();
    subA2.unsubscribe();
  });

  it('publishes from the real mutations, with ids only, and nothing when a change is refused', async () => {
    const db = getDb();
    const owner = await createUser(db, { name: 'Ayşe Yılmaz' });
    const business = await createTestBusiness(db, owner, { name: 'Olay Kırtasiye' });
    const ctx = await contextFor(db, owner.id, business.slug);
    const member = await addPersonnel(db, business.id, { role: 'member', name: 'Gizli İsim', email: 'gizli@example.test' });
    const sub = await collect(business.id);

    expect(await runOperation(updateBusinessOperation, ctx, { name: 'Olay Kırtasiye 2', version: 1 })).toMatchObject({ ok: true });
    // A stale version is refused: no event for a change that did not happen.
    expect(await runOperation(updateBusinessOperation, ctx, { name: 'Eski', version: 1 })).toMatchObject({ ok: false });
    const person = await getPersonnel(db, ctx, member.personnelId);
    expect(
      await runOperation(updatePersonnelOperation, ctx, { id: person.id, version: person.version, name: 'Gizli İsim', role: 'sales', active: true }),
    ).toMatchObject({ ok: true });
    expect(await runOperation(deletePersonnelOperation, ctx, { id: person.id })).toMatchObject({ ok: true });

    await waitFor(() => sub.events().length === 3);
    await drain([business.id], [sub]);
    const events = sub.events();
    expect(events.map((e) => [e.kind, e.id])).toEqual([
      ['business.updated', business.id],
      ['personnel.updated', person.id],
      ['personnel.deleted', person.id],
    ]);
    for (const event of events) {
      expect(Object.keys(event).sort()).toEqual(['actorUserId', 'businessId', 'eventId', 'id', 'kind', 'ts']);
      expect(event).toMatchObject({ businessId: business.id, actorUserId: owner.id });
      expect(JSON.stringify(event)).not.toMatch(/Gizli|gizli@|Kırtasiye/);
    }
    sub.unsubscribe();
  });

  it('holds one connection however many businesses listen, and listens again after losing it', async () => {
    const ids = [newId(), newId(), newId()];
    const subs = await Promise.all(ids.map(collect));
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      const count = async () =>
        Number(
          (
            await admin.query<{ n: string }>('select count(*) as n from pg_stat_activity where application_name = $1', [
              `tezgah:events:${process.pid}`,
            ])
          ).rows[0]?.n,
        );
      expect(await count()).toBe(1);
      console.log(`[events] LISTEN connections held by this process for ${getEventListener().stats().businesses} businesses: ${await count()}`);

      const pid = getEventListener().stats().backendPid;
      expect(pid).toBeTypeOf('number');
      await admin.query('select pg_terminate_backend($1)', [pid]);
      // Every subscriber is told to refetch: what committed while nobody listened is gone.
      await waitFor(() => subs.every((s) => s.received.some((m) => m.type === 'resync')), 10_000);
      expect(getEventListener().stats().backendPid).not.toBe(pid);

      await getDb().transaction((tx) => publishEvent(tx, { businessId: ids[0]!, kind: 'business.updated', id: ids[0]! }));
      await waitFor(() => subs[0]!.events().length === 1);
      expect(await count()).toBe(1);
    } finally {
      await admin.end();
      for (const s of subs) s.unsubscribe();
    }
  });

  it('replays what a stream missed from memory, and says when it cannot', async () => {
    const businessId = newId();
    const sub = await collect(businessId);
    const before = Date.now();
    for (const id of ['one', 'two', 'three']) {
      await getDb().transaction((tx) => publishEvent(tx, { businessId, kind: 'personnel.created', id }));
    }
    await waitFor(() => sub.events().length === 3);
    const [first] = sub.events() as [LiveEvent];
    const listener = getEventListener();
    expect(listener.replay(businessId, { lastEventId: first.eventId })).toMatchObject({
      complete: true,
      events: [{ id: 'two' }, { id: 'three' }],
    });
    expect(listener.replay(businessId, { since: before - 1 }).events.map((e) => e.id)).toEqual(['one', 'two', 'three']);
    expect(listener.replay(newId(), { since: before - 1 }).events).toEqual([]);
    // An id it never saw, or a time before it listened: the page must refetch everything.
    expect(listener.replay(businessId, { lastEventId: newId() })).toEqual({ events: [], complete: false });
    expect(listener.replay(businessId, { since: before - 10 * 60_000 }).complete).toBe(false);
    sub.unsubscribe();
  });

  it('hears an event committed by another process', async () => {
    const businessId = newId();
    const sub = await collect(businessId);
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'tezgah-events-'));
    const script = path.join(dir, 'publish.mts');
    const url = (file: string) => pathToFileURL(path.join(projectRoot, file)).href;
    await fsp.writeFile(
      script,
      `import { getDb, closeDb } from ${JSON.stringify(url('src/server/db/client.ts'))};
import { publishEvent } from ${JSON.stringify(url('src/server/events/publish.ts'))};
await getDb().transaction((tx) => publishEvent(tx, { businessId: ${JSON.stringify(businessId)}, kind: 'personnel.created', id: 'from-elsewhere' }));
await closeDb();
`,
    );
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/server-only-hook.mjs', script], {
        cwd: projectRoot,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(0);
      const [event] = await waitFor(() => sub.events().length > 0 && sub.events(), 5_000);
      expect(event).toMatchObject({ id: 'from-elsewhere', businessId });
    } finally {
      sub.unsubscribe();
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});
