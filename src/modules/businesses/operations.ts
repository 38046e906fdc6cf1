import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import { canDeleteBusiness } from '@/lib/permissions';
import { AppError } from '@/lib/errors';
import { businessLogoSchema, deleteBusinessSchema, updateBusinessSchema } from './schemas';
import { deleteBusiness, setBusinessLogo, updateBusiness } from './mutations';

export const updateBusinessOperation = defineOperation(
  'updateBusiness',
  { schema: updateBusinessSchema, permission: ['business', 'update'] },
  async (ctx, input) => ({ message: 'businesses.updated', data: await updateBusiness(getDb(), ctx, input) }),
);

export const deleteBusinessOperation = defineOperation(
  'deleteBusiness',
  { schema: deleteBusinessSchema, permission: ['business', 'delete'] },
  async (ctx, input) => {
    if (!canDeleteBusiness(ctx.role)) throw new AppError('FORBIDDEN');
    await deleteBusiness(getDb(), ctx, input);
    return { message: 'businesses.deleted', data: null };
  },
);

export const setBusinessLogoOperation = defineOperation(
  'setBusinessLogo',
  { schema: businessLogoSchema, permission: ['business', 'update'] },
  async (ctx, input) => {
    const bytes = 'logo' in input ? new Uint8Array(await input.logo.arrayBuffer()) : null;
    await setBusinessLogo(getDb(), ctx, bytes);
    return { message: bytes ? 'businesses.logoSaved' : 'businesses.logoRemoved', data: null };
  },
);
