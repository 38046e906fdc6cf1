/**
 * Domain events that tell open pages something changed: what kind of record, which one, in which
 * business, and who did it. Never the record's content, which may be personal data: a page that
 * learns of a change reads the record again through the usual, permission-checked path.
 *
 * Safe on the client: the server publishes these (src/server/events), the SSE stream carries them,
 * and the browser reacts to them (src/components/live).
 */

/** Record types that publish events. A new module adds its entity here. */
export const LIVE_ENTITIES = [
  'business',
  'personnel',
  'customer',
  'interaction',
  'outbox',
  'template',
  'reminder',
  'notification',
  'purchase',
  'import',
  'deal',
  'pipeline',
  'quote',
  'contract',
  'project',
  'task',
] as const;
export type LiveEntity = (typeof LIVE_ENTITIES)[number];
/** `moved`: a card changed its place on a board (not its content). */
export type LiveVerb = 'created' | 'updated' | 'deleted' | 'moved';
export type LiveEventKind = `${LiveEntity}.${LiveVerb}`;

export type LiveEvent = {
  /** UUIDv7 of this event; also the SSE event id, so a reconnecting stream says what it saw last. */
  eventId: string;
  kind: LiveEventKind;
  /** Id of the record that changed (for `business.*`, the business's own id). */
  id: string;
  businessId: string;
  /** The user who made the change, or null for the system (a job, an import). */
  actorUserId: string | null;
  /** The publisher's clock (ms since the epoch) when the change was made, before its commit. */
  ts: number;
};

const VERBS: readonly LiveVerb[] = ['created', 'updated', 'deleted', 'moved'];

export function isLiveEventKind(value: unknown): value is LiveEventKind {
  if (typeof value !== 'string') return false;
  const [entity, verb, ...rest] = value.split('.');
  return rest.length === 0 && (LIVE_ENTITIES as readonly string[]).includes(entity ?? '') && VERBS.includes(verb as LiveVerb);
}

export function entityOf(kind: LiveEventKind): LiveEntity {
  return kind.slice(0, kind.indexOf('.')) as LiveEntity;
}

export function verbOf(kind: LiveEventKind): LiveVerb {
  return kind.slice(kind.indexOf('.') + 1) as LiveVerb;
}

/** The event in a NOTIFY payload or an SSE message, or null when it is not one of ours. */
export function parseLiveEvent(text: string): LiveEvent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  if (
    typeof e.eventId !== 'string' ||
    !isLiveEventKind(e.kind) ||
    typeof e.id !== 'string' ||
    typeof e.businessId !== 'string' ||
    !(typeof e.actorUserId === 'string' || e.actorUserId === null) ||
    typeof e.ts !== 'number'
  ) {
    return null;
  }
  return { eventId: e.eventId, kind: e.kind, id: e.id, businessId: e.businessId, actorUserId: e.actorUserId, ts: e.ts };
}
