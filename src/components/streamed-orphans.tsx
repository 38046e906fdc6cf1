'use client';
import { useEffect } from 'react';

/** How long after the first load to look for left-over streamed segments; a page streams within this. */
const WATCH_MS = 15_000;

/**
 * Removes streamed HTML that React will never reveal. A page streams its content after the shell
 * as `<div hidden id="S:n">`, which React's inline scripts move into the Suspense boundary marked
 * `<template id="B:n">` or the placeholder `<template id="P:n">`. When a boundary receives an
 * update before it has hydrated (a context change during hydration on a slow load), React renders
 * its content on the client instead and drops the marker, and the streamed copy stays in the
 * document, hidden, beside the live one. A segment whose marker is gone can never be revealed, so
 * removing it loses nothing.
 */
export function removeOrphanedSegments(doc: Document): number {
  let removed = 0;
  for (const segment of doc.querySelectorAll<HTMLElement>('div[hidden][id^="S:"]')) {
    // A segment fills either a boundary (`B:n`, revealed by `$RC`) or a placeholder (`P:n`, by `$RS`).
    const n = segment.id.slice(2);
    if (doc.getElementById(`B:${n}`) === null && doc.getElementById(`P:${n}`) === null) {
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
