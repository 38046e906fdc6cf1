import { entityOf, verbOf, type LiveEntity, type LiveEvent } from '@/lib/live-events';

/** What the page says instead of itself when what it shows no longer exists. */
export type Gone =
  | { type: 'record'; entity: LiveEntity; backHref: string }
  | { type: 'business' }
  | { type: 'access' };

/**
 * Whether an event removed what the page at `pathname` shows. Record pages carry their record's id
 * as a path segment (`/<business>/personnel/<id>`, `/<business>/personnel/<id>/edit`), and ids are
 * UUIDs, so a deletion whose id is a segment of the path is this page's record; the way back is the
 * path up to it, the list. A refetch would answer 404 instead, which says less.
 */
export function goneAfter(event: LiveEvent, pathname: string): Gone | null {
  if (event.kind === 'business.deleted') return { type: 'business' };
  if (verbOf(event.kind) !== 'deleted') return null;
  const segments = pathname.split('/');
  const index = segments.indexOf(event.id);
  if (index < 1) return null;
  return { type: 'record', entity: entityOf(event.kind), backHref: segments.slice(0, index).join('/') || '/' };
}
