import type { Ctx } from '@/server/auth/context';
import { ContractsSection } from './contracts-section';

/** A deal's contracts, for the deal's page. */
export function DealContracts({ ctx, slug, dealId }: { ctx: Ctx; slug: string; dealId: string }) {
  return <ContractsSection ctx={ctx} slug={slug} dealId={dealId} />;
}
