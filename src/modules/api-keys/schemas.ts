import { z } from 'zod';
import { ROLES } from '@/lib/permissions';
import { requiredText, uuidField } from '@/lib/validation';

export const createApiKeySchema = z.object({
  name: requiredText(80),
  role: z.enum(ROLES, 'invalid'),
  /** Optional expiry, an ISO date or date-time in the future. */
  expiresAt: z
    .preprocess(
      // An empty date field means "never expires".
      (v) => (v === '' ? null : v),
      z.union([z.iso.datetime({ offset: true, message: 'invalid' }), z.iso.date('invalid')]).nullish(),
    )
    .transform((v) => (v ? new Date(v) : null))
    .refine((d) => d === null || d.getTime() > Date.now(), 'notFuture'),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const apiKeyIdSchema = z.object({ id: uuidField });
