import { z } from 'zod';
import { isKnownCurrency } from '@/lib/money';
import { dateField, optionalDateField, optionalText, requiredText, uuidField, versionField } from '@/lib/validation';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

const optionalId = z
  .union([uuidField, z.literal('')], 'invalid')
  .nullish()
  .transform((v) => v || null);

const probabilityField = z.number('invalid').int('invalid').min(0, 'invalid').max(100, 'invalid');

// ─── Pipelines and stages ───────────────────────────────────────────────────────────────────

export const pipelineFieldsSchema = z.object({
  name: requiredText(100),
  projectTemplateId: optionalId,
});
export const createPipelineSchema = pipelineFieldsSchema;
export const updatePipelineSchema = pipelineFieldsSchema.extend({ id: uuidField, version: versionField });
export const pipelineIdSchema = z.object({ id: uuidField });

export const stageFieldsSchema = z.object({
  name: requiredText(100),
  probability: probabilityField,
  kind: z.enum(STAGE_KINDS, 'invalid'),
});
export const createStageSchema = stageFieldsSchema.extend({ pipelineId: uuidField });
export const updateStageSchema = stageFieldsSchema.extend({ id: uuidField, version: versionField });
export const stageIdSchema = z.object({ id: uuidField });
export const reorderStagesSchema = z.object({ pipelineId: uuidField, stageIds: z.array(uuidField).min(1, 'required').max(50, 'tooLong') });

// ─── Deals ──────────────────────────────────────────────────────────────────────────────────

/** Money as the API and the forms send it: minor units of the currency (its ISO 4217 exponent) and the code. */
export const moneySchema = z.object({
  amountMinor: z.number('invalid').int('invalid').min(0, 'invalid').max(999_999_999_999_999, 'tooLong'),
  currency: z
    .string('invalid')
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'invalid')
    .transform((v) => v.toUpperCase())
    // Three letters are not enough: only a code whose minor digits src/lib/money.ts knows.
    .refine(isKnownCurrency, 'invalid'),
});

export const dealContentSchema = z.object({
  title: requiredText(200),
  customerId: optionalId,
  /** Absent: 0 in the business's currency. */
  value: moneySchema.nullish(),
  expectedCloseDate: optionalDateField,
  ownerId: optionalId,
  /** Null: the stage's probability applies. */
  probability: probabilityField.nullish().transform((v) => v ?? null),
  source: optionalText(100),
  /**
   * The project this deal is for (an existing one of the customer, say): winning the deal then
   * records the win on it instead of making a new project. Absent: unchanged; null: no project.
   */
  projectId: z
    .union([uuidField, z.literal('')], 'invalid')
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null))
    .optional()
    .describe('The linked project; absent leaves it as it is, null unlinks it'),
});
export type DealContent = z.output<typeof dealContentSchema>;

export const createDealSchema = dealContentSchema.extend({
  /** Absent: the business's first pipeline. */
  pipelineId: optionalId,
  /** Absent: the pipeline's first stage. */
  stageId: optionalId,
  lostReason: optionalText(500),
});
export type CreateDealInput = z.input<typeof createDealSchema>;

export const updateDealSchema = dealContentSchema.extend({ id: uuidField, version: versionField, lostReason: optionalText(500) });
export type UpdateDealInput = z.input<typeof updateDealSchema>;

/**
 * A move: the stage and the neighbours the card was dropped between (`beforeId` above it,
 * `afterId` below it; both absent: the end of the column). A move into a lost stage needs a reason.
 */
export const moveDealSchema = z.object({
  id: uuidField,
  stageId: uuidField,
  beforeId: optionalId,
  afterId: optionalId,
  lostReason: optionalText(500),
});
export type MoveDealInput = z.input<typeof moveDealSchema>;

export const dealIdSchema = z.object({ id: uuidField });

export const dealFiltersSchema = z.object({
  ownerId: uuidField.optional(),
  customerId: uuidField.optional(),
  tagId: uuidField.optional(),
  closeFrom: dateField.optional(),
  closeTo: dateField.optional(),
});
export type DealFilters = z.output<typeof dealFiltersSchema>;

export const loadMoreSchema = dealFiltersSchema.extend({ stageId: uuidField, after: z.string().min(1).max(200) });
