import 'server-only';
import type { Endpoint, HttpMethod } from './endpoint';
import { handleEndpoint } from './endpoint';
import * as apiKeys from './endpoints/api-keys';
import * as businesses from './endpoints/businesses';
import * as customers from './endpoints/customers';
import * as deals from './endpoints/deals';
import * as interactions from './endpoints/interactions';
import * as personnel from './endpoints/personnel';
import * as reminders from './endpoints/reminders';
import * as purchases from './endpoints/purchases';
import * as quotes from './endpoints/quotes';
import * as projects from './endpoints/projects';
import * as tasks from './endpoints/tasks';

function endpointsOf(mod: Record<string, unknown>): Endpoint[] {
  return Object.values(mod).filter((v): v is Endpoint => typeof v === 'object' && v !== null && 'run' in v && 'method' in v);
}

/** Every endpoint of /api/v1; the OpenAPI document and the isolation tests read this list. */
export const ENDPOINTS: readonly Endpoint[] = [
  ...endpointsOf(businesses),
  ...endpointsOf(personnel),
  ...endpointsOf(apiKeys),
  ...endpointsOf(customers),
  ...endpointsOf(interactions),
  ...endpointsOf(reminders),
  ...endpointsOf(purchases),
  ...endpointsOf(deals),
  ...endpointsOf(quotes),
  ...endpointsOf(projects),
  ...endpointsOf(tasks),
];

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler = (request: Request, context: RouteContext) => Promise<Response>;

/**
 * The route handlers of one path: `export const { GET, POST } = routeHandlers('/personnel')` in
 * its route.ts keeps route files to one line and the endpoint definitions in one place.
 */
export function routeHandlers(path: string): Partial<Record<HttpMethod, Handler>> {
  const handlers: Partial<Record<HttpMethod, Handler>> = {};
  for (const endpoint of ENDPOINTS.filter((e) => e.path === path)) {
    handlers[endpoint.method] = async (request, context) => {
      const raw = (await context.params) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
      return handleEndpoint(endpoint, request, params);
    };
  }
  if (Object.keys(handlers).length === 0) throw new Error(`No endpoint is defined for ${path}`);
  return handlers;
}
