/**
 * Response headers every answer carries. Strict-Transport-Security is sent only when the app's
 * public URL is https: over plain http browsers ignore it, and a server that sends it on
 * http://localhost tells a browser something untrue about the host.
 */

export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

/** The headers set on every response, pages and API alike (next.config.ts). */
export const BASELINE_HEADERS: readonly { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** API answers are data, never a document: no script, style or frame may load from one. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Every header an API answer carries besides its own, in the order Next adds them (next.config.ts
 * and src/proxy.ts); the API's lean path (src/server/api/lean.ts) adds the same list.
 */
export function apiSecurityHeaders(appUrl: string | undefined): [string, string][] {
  const headers: [string, string][] = BASELINE_HEADERS.map(({ key, value }) => [key, value]);
  headers.push(['Content-Security-Policy', API_CONTENT_SECURITY_POLICY]);
  const hsts = hstsHeader(appUrl);
  if (hsts) headers.push(['Strict-Transport-Security', hsts]);
  return headers;
}

/** The HSTS header for the app's public URL (APP_URL), or null when it is not https. */
export function hstsHeader(appUrl: string | undefined): string | null {
  if (!appUrl) return null;
  try {
    return new URL(appUrl).protocol === 'https:' ? HSTS_VALUE : null;
  } catch {
    return null;
  }
}
