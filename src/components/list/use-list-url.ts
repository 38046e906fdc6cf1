'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useTransition } from 'react';
import { queryString } from '@/lib/list-params';

/**
 * Moves a list page to new URL parameters: the server renders the page for them, and `pending`
 * is true until it has (the list shows that it is loading).
 */
export function useListUrl(): { pending: boolean; go: (values: Record<string, string | readonly string[] | null | undefined>) => void } {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const go = useCallback(
    (values: Record<string, string | readonly string[] | null | undefined>) => {
      startTransition(() => router.push(`${pathname}${queryString(values)}`, { scroll: false }));
    },
    [router, pathname],
  );
  return { pending, go };
}
