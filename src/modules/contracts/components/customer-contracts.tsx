import type { Ctx } from '@/server/auth/context';
import { ContractsSection } from './contracts-section';

/** A customer's contracts (on the customer or on one of its deals), for the customer's profile. */
export function CustomerContracts({ ctx, slug, customerId }: { ctx: Ctx; slug: string; customerId: string }) {
  return <ContractsSection ctx={ctx} slug={slug} customerId={customerId} />;
}
