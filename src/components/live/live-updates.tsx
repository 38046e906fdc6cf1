'use client';
import { Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconTrash, IconLock } from '@tabler/icons-react';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LiveEvent } from '@/lib/live-events';
import { ButtonLink } from '../links';
import { connectLive, type LiveStatus } from './live-connection';
import { goneAfter, type Gone } from './live-logic';

/** Several events in a burst (a bulk change) cost one refetch. */
const REFRESH_DEBOUNCE_MS = 100;
/** A tab hidden this long may have slept through a dropped connection: refetch when it shows again. */
const HIDDEN_REFRESH_MS = 30_000;

/** How long a refresh waits at most for the page's streamed HTML to settle (a tab in the background may never reveal it). */
const SETTLE_WAIT_MS = 5_000;
const SETTLE_POLL_MS = 50;

type ShownGone = Gone & { pathname: string };

/**
 * Whether the streamed page has settled: the document is loaded and no streamed segment
 * (`<div hidden id="S:n">`, which React moves into its Suspense boundary when it reveals it) waits
 * any more. A refresh before that updates a Suspense boundary that has not finished hydrating:
 * React then renders the boundary's content on the client, and the streamed copy stays in the
 * DOM, hidden, beside it.
 */
function pageSettled(): boolean {
  return document.readyState === 'complete' && document.querySelector('div[hidden][id^="S:"]') === null;
}

/**
 * Timings of what arrived and when the page was re-rendered, for the journeys that measure how fast
 * a change reaches another tab. Ids and times only.
 */
type LiveLog = {
  events: { kind: string; id: string; ts: number; receivedAt: number }[];
  renders: { renderedAt: number; at: number }[];
};

function liveLog(): LiveLog {
  const w = window as unknown as { __tezgahLive?: LiveLog };
  w.__tezgahLive ??= { events: [], renders: [] };
  return w.__tezgahLive;
}

function keepLast<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > 50) list.shift();
}

/**
 * Keeps the pages of a business current: on every change another user (or tab) commits, the
 * Server Components of this page render again (`router.refresh()`), keeping client state. When the
 * change deleted what the page shows, the page says so and offers the way back instead.
 */
export function LiveUpdates({ slug, renderedAt, children }: { slug: string; renderedAt: number; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [gone, setGone] = useState<ShownGone | null>(null);
  // The first render's time: events after it are what this page has not seen. Later renders
  // (refreshes) must not reopen the stream.
  const [since] = useState(renderedAt);
  const pathnameRef = useRef(pathname);
  const goneRef = useRef<ShownGone | null>(null);

  useEffect(() => {
    pathnameRef.current = pathname;
  }, [pathname]);

  useEffect(() => {
    keepLast(liveLog().renders, { renderedAt, at: Date.now() });
  }, [renderedAt]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const pageIsGone = () => {
      const current = goneRef.current;
      return current !== null && (current.type !== 'record' || current.pathname === pathnameRef.current);
    };
    const refresh = () => {
      if (timer) return;
      const askedAt = Date.now();
      const attempt = () => {
        if (!pageSettled() && Date.now() - askedAt < SETTLE_WAIT_MS) {
          timer = setTimeout(attempt, SETTLE_POLL_MS);
          return;
        }
        timer = null;
        // The server would answer a gone page with a 404, replacing the explanation.
        if (!pageIsGone()) router.refresh();
      };
      timer = setTimeout(attempt, REFRESH_DEBOUNCE_MS);
    };
    const show = (value: Gone) => {
      const shown = { ...value, pathname: pathnameRef.current };
      goneRef.current = shown;
      setGone(shown);
    };

    const connection = connectLive({
      slug,
      since,
      handlers: {
        onEvent(event: LiveEvent) {
          keepLast(liveLog().events, { kind: event.kind, id: event.id, ts: event.ts, receivedAt: Date.now() });
          const removed = goneAfter(event, pathnameRef.current);
          if (removed) show(removed);
          else refresh();
        },
        onResync: refresh,
        onRevoked(reason) {
          // An ended session: the refetch leads to the sign-in page.
          if (reason === 'session') refresh();
          else show({ type: reason });
        },
        onStatus: setStatus,
      },
    });

    let hiddenAt: number | null = null;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
      } else {
        if (hiddenAt !== null && Date.now() - hiddenAt > HIDDEN_REFRESH_MS && navigator.onLine) refresh();
        hiddenAt = null;
      }
    };
    document.addEventListener('visibilitychange', onVisibility);

    return () => {
      connection.close();
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [slug, since, router]);

  const shown = gone && (gone.type !== 'record' || gone.pathname === pathname) ? gone : null;
  return (
    <div data-live={status} style={{ display: 'contents' }}>
      {shown ? <GoneNotice gone={shown} /> : children}
    </div>
  );
}

function GoneNotice({ gone }: { gone: Gone }) {
  const t = useTranslations();
  let title: string;
  let text: string;
  let href: string;
  let action: string;
  if (gone.type === 'record') {
    // A module may word it for its records ("This person was deleted."); otherwise a general line.
    // Message namespaces are named after the module: "personnel", "customers", "reminders".
    const own = [`${gone.entity}.deletedRecord`, `${gone.entity}s.deletedRecord`].find((key) => t.has(key as never));
    title = own ? t(own as never) : t('live.recordDeleted');
    text = t('live.recordDeletedText');
    href = gone.backHref;
    action = t('live.backToList');
  } else if (gone.type === 'business') {
    title = t('live.businessDeleted');
    text = t('live.businessDeletedText');
    href = '/dashboard';
    action = t('errors.goToDashboard');
  } else {
    title = t('live.accessEnded');
    text = t('live.accessEndedText');
    href = '/dashboard';
    action = t('errors.goToDashboard');
  }
  return (
    <Card withBorder padding="xl" maw={560} role="status" data-testid="live-gone">
      <Stack align="flex-start" gap="sm">
        <ThemeIcon size={44} radius="xl" variant="light" color={gone.type === 'access' ? 'gray' : 'red'}>
          {gone.type === 'access' ? <IconLock size={24} /> : <IconTrash size={24} />}
        </ThemeIcon>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text c="dimmed">{text}</Text>
        <ButtonLink href={href} mt="xs">
          {action}
        </ButtonLink>
      </Stack>
    </Card>
  );
}
