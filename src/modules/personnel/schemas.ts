import { z } from 'zod';
import { ROLES } from '@/lib/permissions';
import { optionalEmail, optionalPhone, optionalText, requiredText, uuidField, versionField } from '@/lib/validation';

export const personnelFieldsSchema = z.object({
  name: requiredText(120),
  email: optionalEmail(),
  phone: optionalPhone(),
  title: optionalText(120),
  department: optionalText(120),
  role: z.enum(ROLES, 'invalid'),
  active: z.boolean('invalid').default(true),
});

export const createPersonnelSchema = personnelFieldsSchema.extend({
  /** Send an invitation e-mail so the person can sign in; needs an e-mail address. */
  invite: z.boolean('invalid').default(false),
});
export type CreatePersonnelInput = z.input<typeof createPersonnelSchema>;

export const updatePersonnelSchema = personnelFieldsSchema.extend({ id: uuidField, version: versionField });
export type UpdatePersonnelInput = z.input<typeof updatePersonnelSchema>;

export const personnelIdSchema = z.object({ id: uuidField });

export const findPersonnelSchema = z.object({
  search: z.string().trim().max(100).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
