import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { AppError } from '@/lib/errors';
import { loadBusinessContextById } from '@/server/auth/context';
import { createBusinessSchema } from './schemas';
import { createBusiness } from './mutations';
import { findUserBusinessesPage, getBusiness, type BusinessDetails } from './queries';
import { listQuery } from '@/server/api/list-query';
import {
  deleteBusinessOperation,
  updateBusinessOperation,
} from './operations';
import { callOperation, defineEndpoint } from '@/server/api/endpoint';
import { fieldErrorsOf } from '@/server/actions/operation';
import { ROLES } from '@/lib/permissions';
import { localeCookieOf, requestedLocale } from '@/i18n/locale';

export const businessJson = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  sector: z.string().nullable(),
  phone: z.string().nullable().describe('E.164'),
  email: z.string().nullable(),
  address: z.string().nullable(),
  taxNumber: z.string().nullable(),
  taxOffice: z.string().nullable(),
  currency: z.string(),
  timeZone: z.string(),
  language: z.enum(['tr', 'en']).describe('The creator’s language: default stages and task columns are named in it'),
  wonDealActivatesCustomer: z.boolean().describe('A customer whose deal is won becomes an active customer'),
  hasLogo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

function toJson(b: BusinessDetails): z.infer<typeof businessJson> {
  return {
    id: b.id,
    slug: b.slug,
    name: b.name,
    sector: b.sector,
    phone: b.phone,
    email: b.email,
    address: b.address,
    taxNumber: b.taxNumber,
    taxOffice: b.taxOffice,
    currency: b.currency,
    timeZone: b.timeZone,
    language: b.language === 'en' ? 'en' : 'tr',
    wonDealActivatesCustomer: b.wonDealActivatesCustomer,
    hasLogo: b.logoPath !== null,
    version: b.version,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

export const listBusinesses = defineEndpoint({
  method: 'GET',
  path: '/businesses',
  tag: 'Businesses',
  summary: 'The businesses the signed-in user belongs to, with their role in each, oldest first, with keyset paging',
  auth: 'session',
  businessOptional: true,
  query: listQuery.omit({ search: true }),
  response: z.object({ data: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), role: z.enum(ROLES) })), nextCursor: z.uuid().nullable() }),
  run: async ({ caller, query }) => findUserBusinessesPage(getDb(), caller.userId, query),
});

export const createBusinessEndpoint = defineEndpoint({
  method: 'POST',
  path: '/businesses',
  tag: 'Businesses',
  summary: 'Create a business; the caller becomes its owner. Its language (for the default stages and task columns) is the `NEXT_LOCALE` cookie, else Accept-Language, else the account’s',
  auth: 'session',
  businessOptional: true,
  body: createBusinessSchema,
  response: businessJson,
  successStatus: 201,
  run: async ({ caller, body, request }) => {
    if (caller.via !== 'session') throw new AppError('FORBIDDEN');
    // Default stages and task columns are named in the creator's language: the request's, else their account's.
    const locale = requestedLocale(localeCookieOf(request.headers.get('cookie')), request.headers.get('accept-language'));
    const parsed = createBusinessSchema.safeParse(body);
    if (!parsed.success) throw new AppError('VALIDATION', 'errors.VALIDATION', fieldErrorsOf(parsed.error));
    const created = await createBusiness(getDb(), caller.user, parsed.data, locale);
    const ctx = await loadBusinessContextById(getDb(), caller.userId, created.id);
    return toJson(await getBusiness(getDb(), ctx));
  },
});

export const getCurrentBusiness = defineEndpoint({
  method: 'GET',
  path: '/business',
  tag: 'Businesses',
  summary: 'The current business (the API key’s, or X-Business-Id, or the last used)',
  auth: 'any',
  response: businessJson,
  run: async ({ ctx }) => toJson(await getBusiness(getDb(), ctx)),
});

export const updateCurrentBusiness = defineEndpoint({
  method: 'PATCH',
  path: '/business',
  tag: 'Businesses',
  summary: 'Change fields of the current business; send `version` to refuse a stale write (409)',
  auth: 'any',
  body: createBusinessSchema.partial().extend({ version: z.number().int().optional() }),
  response: businessJson,
  run: async ({ ctx, body }) => {
    const current = await getBusiness(getDb(), ctx);
    const merged = { ...toJson(current), ...(body as Record<string, unknown>) };
    await callOperation(updateBusinessOperation, ctx, { ...merged, version: (body as { version?: number }).version ?? current.version });
    return toJson(await getBusiness(getDb(), ctx));
  },
});

export const deleteCurrentBusiness = defineEndpoint({
  method: 'DELETE',
  path: '/business',
  tag: 'Businesses',
  summary: 'Delete the current business and all of its data (owner only, with its exact name; never with an API key)',
  auth: 'session',
  body: z.object({ confirmName: z.string() }),
  successStatus: 204,
  run: async ({ ctx, body }) => {
    await callOperation(deleteBusinessOperation, ctx, body);
    return null;
  },
});
