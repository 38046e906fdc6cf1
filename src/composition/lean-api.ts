import 'server-only';
import { healthResponse } from '@/server/api/health';
import { createLeanApi } from '@/server/api/lean';
import { apiRouter, openApiResponse } from './api';
import packageJson from '../../package.json';

/**
 * The API's lean path, put in front of Next by scripts/serve.mjs (docs/decisions/012-lean-api-path.md):
 * the same router, health check and OpenAPI document as the route files under src/app/api.
 */
export const leanApi = createLeanApi({
  router: apiRouter,
  health: () => healthResponse(packageJson.version),
  openApi: openApiResponse,
});
