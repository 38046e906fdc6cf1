import { z } from 'zod';
import { requiredText, uuidField, versionField } from '@/lib/validation';
import { optionalDate } from '@/modules/quotes/client';

export const CONTRACT_STATUSES = ['draft', 'active', 'expired', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

const optionalId = z
  .union([uuidField, z.literal('')], 'invalid')
  .nullish()
  .transform((v) => v || null);

/** A file from a form; its type is told from its bytes on the server, not from its name. */
const optionalFile = z
  .instanceof(File, { message: 'invalid' })
  .nullish()
  .transform((f) => (f && f.size > 0 ? f : null));

/** Numbers from a form arrive as text. */
const remindDays = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number('invalid').int('invalid').min(0, 'invalid').max(365, 'invalid'));

export const contractFieldsSchema = z
  .object({
    title: requiredText(200),
    status: z.enum(CONTRACT_STATUSES, 'invalid').default('draft'),
    startDate: optionalDate,
    endDate: optionalDate,
    remindDaysBefore: remindDays.default(30),
    file: optionalFile,
  })
  .refine((v) => !v.startDate || !v.endDate || v.startDate <= v.endDate, { message: 'endBeforeStart', path: ['endDate'] });

export const createContractSchema = contractFieldsSchema.and(z.object({ dealId: optionalId, customerId: optionalId }));
export const updateContractSchema = contractFieldsSchema.and(z.object({ id: uuidField, version: z.preprocess((v) => (typeof v === 'string' ? Number(v) : v), versionField) }));
export const contractIdSchema = z.object({ id: uuidField });
