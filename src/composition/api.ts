import 'server-only';
import './wiring';
import { createCallerResolver } from '@/server/api/caller';
import { buildOpenApiDocument } from '@/server/api/openapi';
import { createRouter, endpointsOf } from '@/server/api/router';
import * as apiKeys from '@/modules/api-keys';
import * as businesses from '@/modules/businesses';
import * as customers from '@/modules/customers';
import * as deals from '@/modules/deals';
import * as interactions from '@/modules/interactions';
import * as personnel from '@/modules/personnel';
import * as projects from '@/modules/projects';
import * as purchases from '@/modules/purchases';
import * as quotes from '@/modules/quotes';
import * as reminders from '@/modules/reminders';
import * as tasks from '@/modules/tasks';

/** Every endpoint of /api/v1, from the modules that own them; the OpenAPI document and the isolation tests read this list. */
export const ENDPOINTS = [
  businesses,
  personnel,
  apiKeys,
  customers,
  interactions,
  reminders,
  purchases,
  deals,
  quotes,
  projects,
  tasks,
].flatMap((mod) => endpointsOf(mod.endpoints));

/** The /api/v1 router: the route files and the lean path (./lean-api.ts) answer through it. */
export const apiRouter = createRouter(
  ENDPOINTS,
  createCallerResolver({ verifyApiKey: apiKeys.verifyApiKey, findLandingBusinessId: businesses.findLandingBusinessId }),
);

export const routeHandlers = apiRouter.routeHandlers;
export const handleEndpoint = apiRouter.handle;

export function openApiDocument(): Record<string, unknown> {
  return buildOpenApiDocument(ENDPOINTS);
}

// The endpoints are fixed once the process has loaded them: the document is built once.
let openApiJson: string | undefined;

/** `GET /api/v1/openapi.json`. */
export function openApiResponse(): Response {
  openApiJson ??= JSON.stringify(openApiDocument());
  return new Response(openApiJson, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' } });
}
