import { NextResponse, type NextRequest } from 'next/server';
import { getSessionCookie } from 'better-auth/cookies';
import { isSameOrigin } from '@/server/auth/origin';
import { apiErrorResponse } from '@/server/api/error-response';
import { hstsHeader } from '@/lib/security-headers';
import { outageResponse } from '@/server/db/outage-response';

const PUBLIC_PATHS = ['/', '/sign-in', '/sign-up', '/forgot-password', '/reset-password'];

function isPublic(pathname: string): boolean {
  // /q/<token>: a quote's public page, opened by the customer from the e-mail, without an account.
  return PUBLIC_PATHS.includes(pathname) || pathname.startsWith('/invite/') || pathname.startsWith('/q/');
}

/**
 * A strict Content-Security-Policy with a fresh nonce for every page: Next puts the nonce on its
 * own scripts when it finds this header on the request. Mantine writes inline styles, so styles
 * must allow 'unsafe-inline'; scripts never do.
 */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== 'production';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Refuses a Server Action posted from another site; sends a signed-out visitor of a private page
 * to sign-in, keeping where they wanted to go; sets the page's security headers, and HSTS on every
 * answer when APP_URL is https. The redirect only looks for the cookie: every page, action and
 * route handler checks the session itself where it reads or writes data.
 */
export async function proxy(request: NextRequest): Promise<NextResponse | Response> {
  const response = (await outageResponse(request, request.nextUrl.pathname)) ?? route(request);
  const hsts = hstsHeader(process.env.APP_URL);
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  return response;
}

function route(request: NextRequest): NextResponse | Response {
  const { pathname, search } = request.nextUrl;
  // API routes authenticate themselves and set their own policy (next.config.ts); the proxy
  // sees them only to add HSTS. The lean path (src/server/api/lean.ts) does the same for the
  // API calls it answers before Next.
  if (pathname.startsWith('/api/')) return NextResponse.next();
  // A Server Action posted from another site: Next's own origin check would throw (a 500); answer
  // 403 here first. A missing Origin goes on to the action, whose own check refuses it.
  if (request.method === 'POST' && request.headers.has('next-action') && request.headers.has('origin') && !isSameOrigin(request.headers, request.nextUrl.host)) {
    return apiErrorResponse(request, 'FORBIDDEN');
  }
  if (!isPublic(pathname) && !getSessionCookie(request)) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  // Signed-in pages hold one business's data: never keep them in a shared or back-forward cache.
  if (!isPublic(pathname)) response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

export const config = {
  // Static files and Next internals need no session (API routes are matched only for HSTS).
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|jpg|jpeg|svg|webp|ico|css|js|woff2?)$).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
