import 'server-only';

/*
 * The database being down (the embedded server restarting after a crash, a managed server failing
 * over) is not a bug of the request that noticed it: it answers 503 with Retry-After, not 500.
 * Errors are recognised here; once one has been seen, the proxy answers 503 to every request until
 * a probe finds the database back, instead of letting each page fail with a 500 of its own.
 */

/** Seconds a client should wait before trying again; a crash recovery of the embedded server takes about one. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs of a server that is going away or not yet back: class 08 (connection exception),
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, in
 * recovery), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** Socket errors of a server that is not listening or went away. */
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** node-postgres reports a lost or unusable connection with a message and no code. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable)$/;

/**
 * True when `err` (or an error it wraps: Drizzle's query error keeps the driver's as `cause`,
 * a connection attempt over IPv4 and IPv6 fails with an AggregateError) says the database cannot
 * be reached right now, as opposed to a query that is wrong.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 5) return false;
  const { code, message, cause, errors } = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

export type OutageState = { downSince?: number; probe?: Promise<boolean>; probedAt?: number };
/**
 * This process's record of an outage, shared on globalThis: the proxy and the routes are bundled
 * apart but run in one process. health.ts probes it away once the database answers again.
 */
export const outage = ((globalThis as Record<string, unknown>).__tezgahDbOutage ??= {}) as OutageState;

/** Records that the database was found unreachable; logged once per outage. */
export function noteDatabaseUnavailable(err: unknown): void {
  if (outage.downSince === undefined) {
    outage.downSince = Date.now();
    console.error('[db] database unavailable; answering 503 until it is back:', err instanceof Error ? err.message : String(err));
  }
}

/** Notes `err` when it is an outage; returns whether it was. */
export function checkDatabaseUnavailable(err: unknown): boolean {
  if (!isDatabaseUnavailable(err)) return false;
  noteDatabaseUnavailable(err);
  return true;
}
