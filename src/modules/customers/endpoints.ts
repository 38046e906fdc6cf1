import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { authorize } from '@/server/auth/authorize';
import { findCustomers, findTags, getCustomer, getTag, type CustomerListRow, type CustomerRecord } from './queries';
import { CUSTOMER_KINDS, CUSTOMER_SORTS, CUSTOMER_STATUSES, type CustomerSort, createCustomerSchema, customerFieldsSchema, tagFieldsSchema, TAG_COLORS } from './schemas';
import {
  createCustomerOperation,
  createTagOperation,
  deleteCustomerOperation,
  deleteTagOperation,
  updateCustomerOperation,
  updateTagOperation,
} from './operations';
import { callOperation, defineEndpoint } from '@/server/api/endpoint';
import { listQuery, parseSort, sortParam } from '@/server/api/list-query';

const tagJson = z.object({ id: z.uuid(), name: z.string(), color: z.string() });

export const customerJson = z.object({
  id: z.uuid(),
  kind: z.enum(CUSTOMER_KINDS),
  name: z.string(),
  companyId: z.uuid().nullable(),
  companyName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()).describe('E.164'),
  address: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  taxNumber: z.string().nullable(),
  taxOffice: z.string().nullable(),
  source: z.string().nullable(),
  status: z.enum(CUSTOMER_STATUSES),
  ownerId: z.uuid().nullable(),
  birthday: z.string().nullable().describe('YYYY-MM-DD'),
  notes: z.string().nullable(),
  emailConsent: z.boolean(),
  emailConsentAt: z.string().nullable(),
  emailConsentSource: z.string().nullable(),
  smsConsent: z.boolean(),
  smsConsentAt: z.string().nullable(),
  smsConsentSource: z.string().nullable(),
  tags: z.array(tagJson),
  lifetimeValueMinor: z.number().int().nullable().describe('minor units of the business currency; null for a role that may not read purchases'),
  purchaseCount: z.number().int().nullable().describe('null for a role that may not read purchases'),
  lastPurchaseAt: z.string().nullable(),
  lastInteractionAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const customerListJson = z.object({
  id: z.uuid(),
  kind: z.enum(CUSTOMER_KINDS),
  name: z.string(),
  companyId: z.uuid().nullable(),
  companyName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  status: z.enum(CUSTOMER_STATUSES),
  ownerId: z.uuid().nullable(),
  tags: z.array(tagJson),
  lifetimeValueMinor: z.number().int().nullable().describe('minor units of the business currency; null for a role that may not read purchases'),
  lastPurchaseAt: z.string().nullable(),
  lastInteractionAt: z.string().nullable(),
  createdAt: z.string(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toJson(c: CustomerRecord): z.infer<typeof customerJson> {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    companyId: c.companyId,
    companyName: c.companyName,
    jobTitle: c.jobTitle,
    emails: c.emails,
    phones: c.phones,
    address: c.address,
    city: c.city,
    country: c.country,
    taxNumber: c.taxNumber,
    taxOffice: c.taxOffice,
    source: c.source,
    status: c.status,
    ownerId: c.ownerId,
    birthday: c.birthday,
    notes: c.notes,
    emailConsent: c.emailConsent,
    emailConsentAt: iso(c.emailConsentAt),
    emailConsentSource: c.emailConsentSource,
    smsConsent: c.smsConsent,
    smsConsentAt: iso(c.smsConsentAt),
    smsConsentSource: c.smsConsentSource,
    tags: c.tags,
    lifetimeValueMinor: c.lifetimeValueMinor,
    purchaseCount: c.purchaseCount,
    lastPurchaseAt: iso(c.lastPurchaseAt),
    lastInteractionAt: iso(c.lastInteractionAt),
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

function toListJson(c: CustomerListRow): z.infer<typeof customerListJson> {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    companyId: c.companyId,
    companyName: c.companyName,
    jobTitle: c.jobTitle,
    email: c.email,
    phone: c.phone,
    city: c.city,
    status: c.status,
    ownerId: c.ownerId,
    tags: c.tags,
    lifetimeValueMinor: c.lifetimeValueMinor,
    lastPurchaseAt: iso(c.lastPurchaseAt),
    lastInteractionAt: iso(c.lastInteractionAt),
    createdAt: c.createdAt.toISOString(),
  };
}

export const listCustomers = defineEndpoint({
  method: 'GET',
  path: '/customers',
  tag: 'Customers',
  summary: 'Customers in the order of `sort` (default: name in Turkish alphabetical order), filtered, with keyset paging; `search` ignores case and Turkish letters; sorting by `lifetimeValue` needs a role that may read purchases',
  auth: 'any',
  query: listQuery.extend({
    kind: z.enum(CUSTOMER_KINDS, 'invalid').optional(),
    status: z.enum(CUSTOMER_STATUSES, 'invalid').optional(),
    tag: z.uuid('invalid').optional(),
    ownerId: z.uuid('invalid').optional(),
    sort: sortParam(CUSTOMER_SORTS, 'name'),
  }),
  response: z.object({ data: z.array(customerListJson), nextCursor: z.string().nullable() }),
  run: async ({ ctx, query }) => {
    authorize(ctx, 'customers', 'read');
    const page = await findCustomers(getDb(), ctx, {
      ...parseSort<CustomerSort>(query.sort),
      cursor: query.cursor,
      limit: query.limit,
      filters: {
        search: query.search?.replaceAll('\u0000', ''),
        kind: query.kind,
        statuses: query.status ? [query.status] : undefined,
        tagIds: query.tag ? [query.tag] : undefined,
        ownerIds: query.ownerId ? [query.ownerId] : undefined,
      },
    });
    return { data: page.data.map(toListJson), nextCursor: page.nextCursor };
  },
});

export const getCustomerEndpoint = defineEndpoint({
  method: 'GET',
  path: '/customers/{id}',
  tag: 'Customers',
  summary: 'One customer (person or company) with its tags',
  auth: 'any',
  response: customerJson,
  run: async ({ ctx, params }) => {
    authorize(ctx, 'customers', 'read');
    return toJson(await getCustomer(getDb(), ctx, params.id!));
  },
});

export const createCustomerEndpoint = defineEndpoint({
  method: 'POST',
  path: '/customers',
  tag: 'Customers',
  summary: 'Add a person or a company; phones in Turkish formats are stored as E.164',
  auth: 'any',
  body: createCustomerSchema,
  response: customerJson,
  successStatus: 201,
  run: async ({ ctx, body }) => {
    const { id } = await callOperation(createCustomerOperation, ctx, body);
    return toJson(await getCustomer(getDb(), ctx, id));
  },
});

export const updateCustomerEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/customers/{id}',
  tag: 'Customers',
  summary: 'Change fields of a customer; send `version` to refuse a stale write (409)',
  auth: 'any',
  body: customerFieldsSchema.partial().extend({ version: z.number().int().optional() }),
  response: customerJson,
  run: async ({ ctx, params, body }) => {
    authorize(ctx, 'customers', 'update');
    const current = await getCustomer(getDb(), ctx, params.id!);
    const patch = body as Record<string, unknown>;
    await callOperation(updateCustomerOperation, ctx, {
      ...toJson(current),
      ...patch,
      id: current.id,
      version: (patch.version as number | undefined) ?? current.version,
    });
    return toJson(await getCustomer(getDb(), ctx, current.id));
  },
});

export const deleteCustomerEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/customers/{id}',
  tag: 'Customers',
  summary: 'Delete a customer (sales: only their own)',
  auth: 'any',
  successStatus: 204,
  run: async ({ ctx, params }) => {
    await callOperation(deleteCustomerOperation, ctx, { id: params.id });
    return null;
  },
});

const tagRecordJson = tagJson.extend({ color: z.enum(TAG_COLORS).or(z.string()), version: z.number().int(), customerCount: z.number().int() });

export const listTags = defineEndpoint({
  method: 'GET',
  path: '/tags',
  tag: 'Customers',
  summary: 'The business’s customer tags, by name, with how many customers carry each',
  auth: 'any',
  response: z.object({ data: z.array(tagRecordJson) }),
  run: async ({ ctx }) => {
    authorize(ctx, 'tags', 'read');
    return { data: await findTags(getDb(), ctx) };
  },
});

export const createTagEndpoint = defineEndpoint({
  method: 'POST',
  path: '/tags',
  tag: 'Customers',
  summary: 'Add a tag (name unique in the business, any case)',
  auth: 'any',
  body: tagFieldsSchema,
  response: tagRecordJson,
  successStatus: 201,
  run: async ({ ctx, body }) => {
    const { id } = await callOperation(createTagOperation, ctx, body);
    return getTag(getDb(), ctx, id);
  },
});

export const updateTagEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/tags/{id}',
  tag: 'Customers',
  summary: 'Rename or recolour a tag; send `version` to refuse a stale write (409)',
  auth: 'any',
  body: tagFieldsSchema.partial().extend({ version: z.number().int().optional() }),
  response: tagRecordJson,
  run: async ({ ctx, params, body }) => {
    authorize(ctx, 'tags', 'update');
    const current = await getTag(getDb(), ctx, params.id!);
    const patch = body as Record<string, unknown>;
    await callOperation(updateTagOperation, ctx, {
      name: current.name,
      color: current.color,
      ...patch,
      id: current.id,
      version: (patch.version as number | undefined) ?? current.version,
    });
    return getTag(getDb(), ctx, current.id);
  },
});

export const deleteTagEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/tags/{id}',
  tag: 'Customers',
  summary: 'Delete a tag (it is removed from every customer)',
  auth: 'any',
  successStatus: 204,
  run: async ({ ctx, params }) => {
    await callOperation(deleteTagOperation, ctx, { id: params.id });
    return null;
  },
});
