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
  /**
   * The endpoint of a method and a path under /api/v1 (`/customers/0190…`), with its decoded
   * parameters; `undefined` when no endpoint has that path and method, or a parameter is not
   * valid percent-encoding.
   */
  match: (method: string, path: string) => { endpoint: Endpoint; params: Record<string, string> } | undefined;
};

type Compiled = { endpoint: Endpoint; segments: readonly string[]; names: readonly (string | null)[] };

/** Splits `/customers/{id}` once into segments and parameter names, for `match`. */
function compile(endpoint: Endpoint): Compiled {
  const segments = endpoint.path.split('/').slice(1);
  return { endpoint, segments, names: segments.map((s) => /^\{(\w+)\}$/.exec(s)?.[1] ?? null) };
}

/** The /api/v1 router over the endpoints the composition root collects from the modules. */
export function createRouter(endpoints: readonly Endpoint[], resolveCaller: CallerResolver): Router {
  const handle = (endpoint: Endpoint, request: Request, params: Record<string, string>) =>
    handleEndpoint(endpoint, request, params, resolveCaller);
  const byMethod = new Map<string, Compiled[]>();
  for (const endpoint of endpoints) {
    const list = byMethod.get(endpoint.method) ?? [];
    list.push(compile(endpoint));
    byMethod.set(endpoint.method, list);
  }
  // As Next's routing does, a static segment wins over a parameter at the same place.
  const rank = (c: Compiled) => c.names.map((n) => (n === null ? '0' : '1')).join('');
  for (const list of byMethod.values()) list.sort((a, b) => rank(a).localeCompare(rank(b)));
  return {
    endpoints,
    handle,
    match(method, path) {
      const segments = path.split('/').slice(1);
      candidates: for (const { endpoint, segments: pattern, names } of byMethod.get(method) ?? []) {
        if (pattern.length !== segments.length) continue;
        const params: Record<string, string> = {};
        for (let i = 0; i < pattern.length; i++) {
          const name = names[i];
          const segment = segments[i]!;
          if (name === null || name === undefined) {
            if (segment !== pattern[i]) continue candidates;
          } else {
            if (segment === '') continue candidates;
            try {
              params[name] = decodeURIComponent(segment);
            } catch {
              return undefined;
            }
          }
        }
        return { endpoint, params };
      }
      return undefined;
    },
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
