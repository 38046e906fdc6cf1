import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { contracts, customers, deals } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { authorize } from '@/server/auth/authorize';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import type { ContractStatus } from './schemas';

export type ContractRecord = {
  id: string;
  dealId: string | null;
  dealTitle: string | null;
  customerId: string | null;
  customerName: string | null;
  title: string;
  status: ContractStatus;
  startDate: string | null;
  endDate: string | null;
  remindDaysBefore: number;
  reminderId: string | null;
  fileName: string | null;
  fileType: string | null;
  fileSize: number | null;
  filePath: string | null;
  version: number;
  canUpdate: boolean;
  canDelete: boolean;
};

const dealCustomer = alias(customers, 'deal_customer');

/**
 * "Own" for contracts follows deals: the deal's owner, or for a contract on a customer alone, the
 * customer's owner. As SQL, so the check is part of a query's WHERE.
 */
export function ownContractSql(ctx: Ctx): SQL {
  return sql`coalesce(${deals.ownerId} = ${ctx.personnelId}, ${contracts.dealId} is null and ${customers.ownerId} = ${ctx.personnelId}, false)`;
}

function baseQuery(db: Executor, ctx: Ctx, where: SQL | undefined) {
  return db
    .select({
      row: contracts,
      dealTitle: deals.title,
      customerName: sql<string | null>`coalesce(${customers.name}, ${dealCustomer.name})`,
      mine: sql<boolean>`${ownContractSql(ctx)}`,
    })
    .from(contracts)
    .leftJoin(deals, and(eq(deals.businessId, contracts.businessId), eq(deals.id, contracts.dealId)))
    .leftJoin(customers, and(eq(customers.businessId, contracts.businessId), eq(customers.id, contracts.customerId)))
    .leftJoin(dealCustomer, and(eq(dealCustomer.businessId, deals.businessId), eq(dealCustomer.id, deals.customerId)))
    .where(and(eq(contracts.businessId, ctx.businessId), where));
}

function toRecord(ctx: Ctx, r: Awaited<ReturnType<typeof baseQuery>>[number]): ContractRecord {
  const allowed = (action: 'update' | 'delete') => {
    try {
      return authorize(ctx, 'deals', action) === 'all' || r.mine;
    } catch {
      return false;
    }
  };
  const c = r.row;
  return {
    id: c.id,
    dealId: c.dealId,
    dealTitle: r.dealTitle,
    customerId: c.customerId,
    customerName: r.customerName,
    title: c.title,
    status: c.status,
    startDate: c.startDate,
    endDate: c.endDate,
    remindDaysBefore: c.remindDaysBefore,
    reminderId: c.reminderId,
    fileName: c.fileName,
    fileType: c.fileType,
    fileSize: c.fileSize,
    filePath: c.filePath,
    version: c.version,
    canUpdate: allowed('update'),
    canDelete: allowed('delete'),
  };
}

/** The contracts of a deal, or of a customer (on it directly or through one of its deals). */
export const findContracts = defineQuery('findContracts', ['deals', 'read'], async function findContracts(db: Executor, ctx: Ctx, args: { dealId?: string; customerId?: string }): Promise<ContractRecord[]> {
  const where = args.dealId
    ? eq(contracts.dealId, args.dealId)
    : args.customerId
      ? sql`(${contracts.customerId} = ${args.customerId} or ${deals.customerId} = ${args.customerId})`
      : undefined;
  const rows = await baseQuery(db, ctx, where).orderBy(desc(contracts.createdAt)).limit(200);
  return rows.map((r) => toRecord(ctx, r));
});

export const getContract = defineQuery('getContract', ['deals', 'read'], async function getContract(db: Executor, ctx: Ctx, id: string): Promise<ContractRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [row] = await baseQuery(db, ctx, eq(contracts.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return toRecord(ctx, row);
});
