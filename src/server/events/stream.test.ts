/**
 * The SSE route (`GET /api/events`) with real sessions from better-auth's handler and the real
 * database: a member hears their own business and nothing else, others are refused, and the stream
 * ends when the membership or the business does.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The route reads the session through next/headers, which needs Next's request scope: give it the
// headers of the request under test.
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => requestHeaders.current,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));

import { closeDb, getDb } from '@/server/db/client';
import { appUrl, getAuth } from '@/server/auth/auth';
import { runOperation } from '@/server/actions/operation';
import { updateBusinessOperation, deleteBusinessOperation } from '@/modules/businesses/operations';
import { deletePersonnelOperation, updatePersonnelOperation } from '@/modules/personnel/operations';
import { getPersonnel } from '@/modules/personnel/queries';
import { addPersonnel, contextFor, createTestBusiness, createUser, type TestUser } from '../../../tests/factories';
import { GET } from '../../app/api/events/route';
import { getEventListener, stopEventListener } from './listener';

afterAll(async () => {
  await stopEventListener();
  await closeDb();
});

async function signIn(user: TestUser): Promise<string> {
  const res = await getAuth().handler(
    new Request(`${appUrl()}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: appUrl(), 'x-forwarded-for': `10.77.0.${Math.floor(Math.random() * 250)}` },
      body: JSON.stringify({ email: user.email, password: user.password }),
    }),
  );
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

type Frame = { event: string; id?: string; data: string };

/** Opens the route as the browser would (no Origin header on this GET) and reads its frames. */
async function open(slug: string, cookie: string | null, extra: Record<string, string> = {}) {
  const abort = new AbortController();
  const headers = new Headers(cookie ? { cookie, ...extra } : extra);
  requestHeaders.current = headers;
  const response = await GET(new Request(`${appUrl()}/api/events?business=${encodeURIComponent(slug)}`, { headers, signal: abort.signal }));
  const frames: Frame[] = [];
  let ended = false;
  if (response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: Frame = { event: 'message', data: '' };
          let meaningful = false;
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':');
            if (colon === 0) continue; // a comment: the heartbeat
            const field = line.slice(0, colon);
            const value = line.slice(colon + 1).trimStart();
            if (field === 'event') frame.event = value;
            if (field === 'id') frame.id = value;
            if (field === 'data') frame.data += value;
            if (field === 'event' || field === 'data') meaningful = true;
          }
          if (meaningful) frames.push(frame);
        }
      }
      ended = true;
    })();
  }
  const events = () => frames.filter((f) => f.event === 'message').map((f) => JSON.parse(f.data) as { kind: string; id: string; businessId: string });
  return { response, frames, events, abort: () => abort.abort(), ended: () => ended };
}

async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('GET /api/events', () => {
  let owner: TestUser;
  let ownerCookie: string;
  let other: TestUser;
  let otherCookie: string;
  let mine: { id: string; slug: string };
  let theirs: { id: string; slug: string };

  beforeAll(async () => {
    const db = getDb();
    owner = await createUser(db, { name: 'Ayşe Yılmaz' });
    other = await createUser(db, { name: 'Başka Biri' });
    mine = await createTestBusiness(db, owner, { name: 'Benim Dükkânım' });
    theirs = await createTestBusiness(db, other, { name: 'Onların Dükkânı' });
    ownerCookie = await signIn(owner);
    otherCookie = await signIn(other);
  });

  it('streams the member’s own business, with the headers an event stream needs, and nothing of another', async () => {
    const stream = await open(mine.slug, ownerCookie);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
    await waitFor(() => stream.frames.some((f) => f.event === 'ready'));

    const db = getDb();
    const otherCtx = await contextFor(db, other.id, theirs.slug);
    const ownerCtx = await contextFor(db, owner.id, mine.slug);
    // The other business changes first and more often; none of it may reach this stream.
    for (let version = 1; version <= 3; version++) {
      await runOperation(updateBusinessOperation, otherCtx, { name: `Onların Dükkânı ${version}`, version });
    }
    await runOperation(updateBusinessOperation, ownerCtx, { name: 'Benim Dükkânım 2', version: 1 });

    const [event] = await waitFor(() => stream.events().length > 0 && stream.events());
    // Events reach a stream in commit order: once a later change of this business has arrived, any
    // leaked change of the other one would have arrived before it.
    await runOperation(updateBusinessOperation, ownerCtx, { name: 'Benim Dükkânım 2b', version: 2 });
    await waitFor(() => stream.events().length > 1);
    expect(stream.events()).toEqual([
      expect.objectContaining({ kind: 'business.updated', id: mine.id, businessId: mine.id }),
      expect.objectContaining({ kind: 'business.updated', id: mine.id, businessId: mine.id }),
    ]);
    expect(stream.frames.find((f) => f.event === 'message')?.id).toBe((event as unknown as { eventId: string }).eventId);

    const subscribers = getEventListener().stats().subscribers;
    stream.abort();
    await waitFor(() => getEventListener().stats().subscribers === subscribers - 1);
  });

  it('refuses a signed-out caller and a user of another business, without saying whether it exists', async () => {
    expect((await open(mine.slug, null)).response.status).toBe(401);
    expect((await open(mine.slug, otherCookie)).response.status).toBe(404);
    expect((await open('no-such-business', ownerCookie)).response.status).toBe(404);
    // The other user's own business still works for them.
    const theirStream = await open(theirs.slug, otherCookie);
    expect(theirStream.response.status).toBe(200);
    theirStream.abort();
  });

  it('ends the stream of a member who is removed, after saying why', async () => {
    const db = getDb();
    const member = await addPersonnel(db, mine.id, { role: 'member', name: 'Geçici Üye' });
    const stream = await open(mine.slug, await signIn(member.user!));
    await waitFor(() => stream.frames.some((f) => f.event === 'ready'));
    const ownerCtx = await contextFor(db, owner.id, mine.slug);
    expect(await runOperation(deletePersonnelOperation, ownerCtx, { id: member.personnelId })).toMatchObject({ ok: true });
    await waitFor(() => stream.ended());
    expect(stream.frames.at(-1)).toEqual({ event: 'revoked', data: JSON.stringify({ reason: 'access' }) });
  });

  it('ends the stream of a member who is deactivated', async () => {
    const db = getDb();
    const member = await addPersonnel(db, mine.id, { role: 'member', name: 'Pasif Olacak' });
    const stream = await open(mine.slug, await signIn(member.user!));
    await waitFor(() => stream.frames.some((f) => f.event === 'ready'));
    const ownerCtx = await contextFor(db, owner.id, mine.slug);
    const person = await getPersonnel(db, ownerCtx, member.personnelId);
    expect(
      await runOperation(updatePersonnelOperation, ownerCtx, { id: person.id, version: person.version, name: person.name, role: 'member', active: false }),
    ).toMatchObject({ ok: true });
    await waitFor(() => stream.ended());
    expect(stream.frames.at(-1)).toMatchObject({ event: 'revoked', data: JSON.stringify({ reason: 'access' }) });
  });

  it('tells every member that the business was deleted, then ends', async () => {
    const db = getDb();
    const doomed = await createTestBusiness(db, owner, { name: 'Kapanan Dükkân' });
    const stream = await open(doomed.slug, ownerCookie);
    await waitFor(() => stream.frames.some((f) => f.event === 'ready'));
    const ctx = await contextFor(db, owner.id, doomed.slug);
    expect(await runOperation(deleteBusinessOperation, ctx, { confirmName: 'Kapanan Dükkân' })).toMatchObject({ ok: true });
    await waitFor(() => stream.ended());
    // The creation's own events may still be arriving when the stream opens (NOTIFY is
    // delivered asynchronously), so look for the deletion rather than count every event.
    expect(stream.events()).toContainEqual(expect.objectContaining({ kind: 'business.deleted', id: doomed.id }));
    expect(stream.frames.at(-1)).toEqual({ event: 'revoked', data: JSON.stringify({ reason: 'business' }) });
  });

  it('replays what a reconnecting browser missed after its Last-Event-ID', async () => {
    const db = getDb();
    const ctx = await contextFor(db, owner.id, mine.slug);
    const first = await open(mine.slug, ownerCookie);
    await waitFor(() => first.frames.some((f) => f.event === 'ready'));
    const { version } = await db.query.businesses.findFirst({ where: (b, { eq }) => eq(b.id, mine.id) }).then((b) => b!);
    await runOperation(updateBusinessOperation, ctx, { name: 'Benim Dükkânım 3', version });
    const [seen] = await waitFor(() => first.frames.filter((f) => f.event === 'message').length === 1 && first.frames.filter((f) => f.event === 'message'));
    first.abort();
    // While the browser is away, two more changes.
    await runOperation(updateBusinessOperation, ctx, { name: 'Benim Dükkânım 4', version: version + 1 });
    await runOperation(updateBusinessOperation, ctx, { name: 'Benim Dükkânım 5', version: version + 2 });

    const again = await open(mine.slug, ownerCookie, { 'last-event-id': seen!.id! });
    const ready = await waitFor(() => again.frames.find((f) => f.event === 'ready'));
    expect(JSON.parse(ready.data)).toMatchObject({ complete: true });
    expect(again.events()).toHaveLength(2);
    again.abort();
  });
});
