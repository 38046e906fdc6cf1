'use client';
import { useEffect } from 'react';

/** How long after the first load to look for left-over streamed segments; a page streams within this. */
const WATCH_MS = 15_000;

/**
 * Removes streamed HTML that React will never reveal. A page streams its content after the shell
 * as `<div hidden id="S:n">` followed by an inline script that moves it into its Suspense boundary
 * (`$RC("B:m","S:n")`; the numbers differ) or its placeholder (`$RS("S:n","P:n")`). When a
 * boundary receives an update before it has hydrated (a context change during hydration on a slow
 * load), React renders its content on the client instead and drops the marker, and the streamed
 * copy can stay in the document, hidden, beside the live one.
 *
 * Only a segment whose reveal script has already run (an inline script in the document has run)
 * and whose target is gone is removed: one still waiting for its script must stay, or the script
 * would find nothing and throw.
 */
export function removeOrphanedSegments(doc: Document): number {
  // Inside the function: the journeys run it in a page by itself. A reveal call of React's
  // streaming runtime: `$RC("B:1","S:3")` fills a boundary, `$RS("S:4","P:4")` a placeholder.
  const REVEAL_CALL = /\$R([CS])\("([^"]+)","([^"]+)"\)/g;
  const targetOf = new Map<string, string>();
  for (const script of doc.querySelectorAll('script:not([src])')) {
    for (const [, kind, first, second] of (script.textContent ?? '').matchAll(REVEAL_CALL)) {
      if (kind === 'C') targetOf.set(second!, first!);
      else targetOf.set(first!, second!);
    }
  }
  let removed = 0;
  for (const segment of doc.querySelectorAll<HTMLElement>('div[hidden][id^="S:"]')) {
    const target = targetOf.get(segment.id);
    if (target !== undefined && doc.getElementById(target) === null) {
      segment.remove();
      removed++;
    }
  }
  return removed;
}

/**
 * Watches the first seconds after a document load for streamed segments left behind. A mutation
 * observer runs right after the DOM change that orphaned a segment, before anything else can see
 * the page with two copies.
 */
export function StreamedOrphans() {
  useEffect(() => {
    const sweep = () => {
      if (document.querySelector('div[hidden][id^="S:"]') !== null) removeOrphanedSegments(document);
    };
    sweep();
    const observer = new MutationObserver(sweep);
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), WATCH_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, []);
  return null;
}
