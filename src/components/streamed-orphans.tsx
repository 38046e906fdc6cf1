'use client';
import { useEffect } from 'react';

/** How long after the first load to look for left-over streamed segments; a page streams within this. */
const WATCH_MS = 15_000;
const POLL_MS = 250;

/**
 * Removes streamed HTML that React will never reveal. A page streams its content after the shell
 * as `<div hidden id="S:n">`, which React's inline script moves into the Suspense boundary marked
 * `<template id="B:n">`. When the boundary receives an update before it has hydrated (a context
 * change during hydration on a slow load), React renders its content on the client instead and
 * drops the marker, and the streamed copy stays in the document, hidden, beside the live one. A
 * segment whose marker is gone can never be revealed, so removing it loses nothing.
 */
export function removeOrphanedSegments(doc: Document): number {
  let removed = 0;
  for (const segment of doc.querySelectorAll<HTMLElement>('div[hidden][id^="S:"]')) {
    const marker = doc.getElementById(`B:${segment.id.slice(2)}`);
    if (marker === null) {
      segment.remove();
      removed++;
    }
  }
  return removed;
}

/** Watches the first seconds after a document load for streamed segments left behind. */
export function StreamedOrphans() {
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      removeOrphanedSegments(document);
      const waiting = document.querySelector('div[hidden][id^="S:"]') !== null;
      if ((!waiting && document.readyState === 'complete') || Date.now() - started > WATCH_MS) clearInterval(timer);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, []);
  return null;
}
