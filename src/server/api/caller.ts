import 'server-only';
import { getDb, type Executor } from '../db/client';
import { getAuth } from '../auth/auth';
import { loadBusinessContextById, type Ctx } from '../auth/context';
import { isSameOrigin } from '../auth/origin';
import type { Role } from '../../lib/permissions';
import { AppError } from '../../lib/errors';
import { takeRateLimit } from './rate-limit';

export type Caller =
  | { via: 'key'; ctx: Ctx; userId: string }
  | { via: 'session'; ctx: Ctx | null; userId: string; user: { id: string; name: string; email: string } };

/** Finds who calls from a request; built once by the composition root from the modules' lookups. */
export type CallerResolver = (request: Request) => Promise<Caller>;

/** What an API key resolves to; the api-keys module does the lookup. */
export type VerifiedApiKey = {
  keyId: string;
  businessId: string;
  businessSlug: string;
  createdByUserId: string;
  personnelId: string;
  role: Role;
  timeZone: string;
  /** The key's own role and its creator's current one: it may do only what both may. */
  limitRoles: readonly Role[];
};

/**
 * The two lookups the caller needs from the domain. They are passed in (by the composition root)
 * rather than imported, so that this infrastructure depends on no module.
 */
export type CallerLookups = {
  verifyApiKey: (db: Executor, token: string) => Promise<VerifiedApiKey | null>;
  findLandingBusinessId: (db: Executor, userId: string) => Promise<string | null>;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who calls the API: an API key (`Authorization: Bearer tzg_…`) or the signed-in session. A
 * session acts on the business in `X-Business-Id`, or the one the user used last; a session call
 * that changes data must come with this app's Origin (a key needs none: it is not a cookie).
 */
export function createCallerResolver(lookups: CallerLookups): CallerResolver {
  return async function resolveCaller(request: Request): Promise<Caller> {
    const authorization = request.headers.get('authorization');
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw new AppError('UNAUTHENTICATED');
      const key = await lookups.verifyApiKey(getDb(), token.trim());
      if (!key) throw new AppError('UNAUTHENTICATED');
      const wait = takeRateLimit(`key:${key.keyId}`);
      if (wait > 0) throw new RateLimited(wait);
      return {
        via: 'key',
        userId: key.createdByUserId,
        ctx: {
          businessId: key.businessId,
          businessSlug: key.businessSlug,
          userId: key.createdByUserId,
          personnelId: key.personnelId,
          role: key.role,
          timeZone: key.timeZone,
          limitRoles: key.limitRoles,
          apiKeyId: key.keyId,
        },
      };
    }
    const session = await getAuth().api.getSession({ headers: request.headers });
    if (!session) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request.headers, new URL(request.url).host)) throw new AppError('FORBIDDEN');
    const user = { id: session.user.id, name: session.user.name, email: session.user.email };
    const wanted = request.headers.get('x-business-id') ?? (await lookups.findLandingBusinessId(getDb(), user.id));
    const ctx = wanted ? await loadBusinessContextById(getDb(), user.id, wanted) : null;
    return { via: 'session', ctx, userId: user.id, user };
  };
}

export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED');
  }
}
