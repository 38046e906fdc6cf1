import { z } from 'zod';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'invite', 'accept', 'merge'] as const;
export const AUDIT_ENTITIES = ['business', 'personnel', 'apiKey', 'customer', 'tag', 'segment', 'customerNote'] as const;

export const findAuditSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  entityType: z.enum(AUDIT_ENTITIES).optional().catch(undefined),
  cursor: z.string().max(200).optional(),
});
export type FindAuditInput = z.infer<typeof findAuditSchema>;
