import { healthResponse } from '@/server/api/health';
import packageJson from '../../../../package.json';

export const dynamic = 'force-dynamic';

/** Also answered before Next by the API's lean path (src/server/api/lean.ts). */
export function GET() {
  return healthResponse(packageJson.version);
}
