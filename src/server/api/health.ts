import 'server-only';
import { checkDatabase } from '../db/health';

/** Liveness and readiness in one: the app answers and its database answers. */
export async function healthResponse(version: string): Promise<Response> {
  const database = await checkDatabase();
  const body = { status: database.ok ? 'ok' : 'error', database: database.mode, version };
  return Response.json(body, { status: database.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
