import 'server-only';
import type { CallerResolver } from './caller';
import type { Endpoint, HttpMethod } from './endpoint';
import { handleEndpoint } from './endpoint';

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler = (request: Request, context: RouteContext) => Promise<Response>;

/** Picks the endpoint definitions out of a module's exports (its `endpoints` namespace). */
export function endpointsOf(mod: Record<string, unknown>): Endpoint[] {
  return Object.values(mod).filter((v): v is Endpoint => typeof v === 'object' && v !== null && 'run' in v && 'method' in v);
}

export type Router = {
  endpoints: readonly Endpoint[];
  /**
   * The route handlers of one path: `export const { GET, POST } = routeHandlers('/personnel')` in
   * its route.ts keeps route files to one line and the endpoint definitions in their modules.
   */
  routeHandlers: (path: string) => Partial<Record<HttpMethod, Handler>>;
  /** Answers one request with one endpoint (tests call this without a route file). */
  handle: (endpoint: Endpoint, request: Request, params: Record<string, string>) => Promise<Response>;
};

/** The /api/v1 router over the endpoints the composition root collects from the modules. */
export function createRouter(endpoints: readonly Endpoint[], resolveCaller: CallerResolver): Router {
  const handle = (endpoint: Endpoint, request: Request, params: Record<string, string>) =>
    handleEndpoint(endpoint, request, params, resolveCaller);
  return {
    endpoints,
    handle,
    routeHandlers(path) {
      const handlers: Partial<Record<HttpMethod, Handler>> = {};
      for (const endpoint of endpoints.filter((e) => e.path === path)) {
        handlers[endpoint.method] = async (request, context) => {
          const raw = (await context.params) ?? {};
          const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
          return handle(endpoint, request, params);
        };
      }
      if (Object.keys(handlers).length === 0) throw new Error(`No endpoint is defined for ${path}`);
      return handlers;
    },
  };
}
