import type { CustomerFilter, CustomerKind, CustomerSort, CustomerStatus } from '../schemas';

/** A row of the list as the browser gets it (dates as ISO strings). */
export type ListRow = {
  id: string;
  kind: CustomerKind;
  name: string;
  companyId: string | null;
  companyName: string | null;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  source: string | null;
  status: CustomerStatus;
  ownerId: string | null;
  ownerName: string | null;
  tags: { id: string; name: string; color: string }[];
  /** Null for a role that may not read purchases. */
  lifetimeValueMinor: number | null;
  lastPurchaseAt: string | null;
  lastInteractionAt: string | null;
  createdAt: string;
};

export type ListPage = { data: ListRow[]; nextCursor: string | null; total: number | null };

export type ListQuery = { filters: CustomerFilter; segmentId?: string; sort: CustomerSort; dir: 'asc' | 'desc' };

export type Option = { id: string; name: string };
export type TagOption = { id: string; name: string; color: string; customerCount?: number; version?: number };
export type SegmentOption = { id: string; name: string; count: number; filters: CustomerFilter; version: number };

/** The URL of one keyset page (or the CSV) of the list for this query. */
export function rowsUrl(slug: string, what: 'rows' | 'export' | 'duplicates', body: object): string {
  return `/${slug}/customers/${what}?q=${encodeURIComponent(JSON.stringify(body))}`;
}
