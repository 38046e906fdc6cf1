import 'server-only';

/**
 * True when a state-changing request comes from a page of this app: its Origin names the host
 * it was sent to. A missing Origin is refused; browsers send one with every POST, and
 * CSRF defences that let it be absent have been bypassed.
 */
export function isSameOrigin(headers: Headers, requestHost?: string): boolean {
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? requestHost;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
