'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useTransition } from 'react';
import { queryString } from '@/lib/list-params';

type Params = Record<string, string | readonly string[] | null | undefined>;

/**
 * A list page whose state lives in the URL: `change` moves to a new search, filter, order or view
 * (from the first page), `page` to another page of the same list. The server renders the page for
 * the new URL; `pending` is true until it has, so the list can show that it is loading.
 */
export function useListUrl<S extends { cursor?: string }>(
  state: S,
  toParams: (state: S) => Params,
): { pending: boolean; change: (patch: Partial<S>) => void; page: (cursor: string | undefined) => void } {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const go = useCallback(
    (next: S) => startTransition(() => router.push(`${pathname}${queryString(toParams(next))}`, { scroll: false })),
    [router, pathname, toParams],
  );
  const change = useCallback((patch: Partial<S>) => go({ ...state, cursor: undefined, ...patch }), [go, state]);
  const page = useCallback((cursor: string | undefined) => go({ ...state, cursor }), [go, state]);
  return { pending, change, page };
}
