const BASE = 'http://same-origin.invalid';

/**
 * Only same-origin paths are followed after sign-in, so a crafted link cannot send a user away.
 * Anything else (another origin, a protocol-relative `//host`, a backslash, control characters that
 * browsers and the URL parser drop, such as `/\t/evil.example`, or a value that is not one string)
 * gives the fallback. The path is returned as the URL parser normalises it: percent-encoded and
 * ASCII only, so it is always a valid `Location` header (a raw `ş` or line break would throw there).
 */
export function safeNextPath(next: unknown, fallback = '/dashboard'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // `/..//host` normalises to `//host`: refuse what would leave the origin after normalising.
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  return path;
}
