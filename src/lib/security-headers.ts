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

/** The HSTS header for the app's public URL (APP_URL), or null when it is not https. */
export function hstsHeader(appUrl: string | undefined): string | null {
  if (!appUrl) return null;
  try {
    return new URL(appUrl).protocol === 'https:' ? HSTS_VALUE : null;
  } catch {
    return null;
  }
}
