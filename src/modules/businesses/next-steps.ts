import 'server-only';
import { sql } from 'drizzle-orm';
import { businesses, customers, deals, personnel, projects } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { can } from '@/lib/permissions';

export type NextStep = { key: 'personnel' | 'settings' | 'customer' | 'deal' | 'project'; path: string };

/**
 * What a business has not done yet, for the dashboard: each step disappears once it is done
 * (someone besides the owner, the business's contact details, a first customer, deal, project),
 * and only steps the reader may take are listed. One statement of index-only existence checks.
 */
export async function findNextSteps(db: Executor, ctx: Ctx): Promise<NextStep[]> {
  const id = ctx.businessId;
  const [row] = await db.execute<{ people: number; contact: boolean; customer: boolean; deal: boolean; project: boolean }>(sql`
    select
      (select count(*)::int from (select 1 from ${personnel} where ${personnel.businessId} = ${id} limit 2) p) as people,
      (select coalesce(${businesses.phone}, ${businesses.email}, ${businesses.address}) is not null from ${businesses} where ${businesses.id} = ${id}) as contact,
      exists (select 1 from ${customers} where ${customers.businessId} = ${id}) as customer,
      exists (select 1 from ${deals} where ${deals.businessId} = ${id}) as deal,
      exists (select 1 from ${projects} where ${projects.businessId} = ${id}) as project`).then((r) => r.rows);
  if (!row) return [];
  const steps: NextStep[] = [];
  if (row.people < 2 && can(ctx.role, 'personnel', 'create')) steps.push({ key: 'personnel', path: '/personnel' });
  if (!row.contact && can(ctx.role, 'business', 'update')) steps.push({ key: 'settings', path: '/settings' });
  if (!row.customer && can(ctx.role, 'customers', 'create')) steps.push({ key: 'customer', path: '/customers/new' });
  if (!row.deal && can(ctx.role, 'deals', 'create')) steps.push({ key: 'deal', path: '/deals/new' });
  if (!row.project && can(ctx.role, 'projects', 'create')) steps.push({ key: 'project', path: '/projects/new' });
  return steps;
}
