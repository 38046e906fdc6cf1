import 'server-only';

/**
 * A fixed-window limit per API key, kept in this process. With several app instances each
 * enforces it on its own share of the traffic; that is enough to stop a runaway script, which is
 * what the limit is for. Sessions are limited by better-auth and the pages themselves.
 */
export const API_RATE_LIMIT = { windowMs: 60_000, max: Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 600) };

type Window = { startedAt: number; count: number };
const windows = new Map<string, Window>();

/** Seconds to wait before the next request is allowed, or 0 when this one may go. */
export function takeRateLimit(key: string, now = Date.now()): number {
  let w = windows.get(key);
  if (!w || now - w.startedAt >= API_RATE_LIMIT.windowMs) {
    w = { startedAt: now, count: 0 };
    windows.set(key, w);
    if (windows.size > 10_000) {
      for (const [k, v] of windows) if (now - v.startedAt >= API_RATE_LIMIT.windowMs) windows.delete(k);
    }
  }
  w.count += 1;
  if (w.count <= API_RATE_LIMIT.max) return 0;
  return Math.max(1, Math.ceil((w.startedAt + API_RATE_LIMIT.windowMs - now) / 1000));
}

export function resetRateLimits(): void {
  windows.clear();
}
