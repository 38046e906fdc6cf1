import 'server-only';
import { z } from 'zod';

/** `?limit=&cursor=&search=` of every list; at most 200 rows a page. */
export const listQuery = z.object({
  limit: z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(200, 'tooLong').default(50),
  cursor: z.string().max(400, 'tooLong').optional(),
  search: z.string().trim().max(100, 'tooLong').optional(),
});
