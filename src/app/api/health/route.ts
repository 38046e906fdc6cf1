import { NextResponse } from 'next/server';
import { checkDatabase } from '@/server/db/health';
import packageJson from '../../../../package.json';

export const dynamic = 'force-dynamic';

/** Liveness and readiness in one: the app answers and its database answers. */
export async function GET() {
  const database = await checkDatabase();
  const body = {
    status: database.ok ? 'ok' : 'error',
    database: database.mode,
    version: packageJson.version,
  };
  return NextResponse.json(body, { status: database.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
