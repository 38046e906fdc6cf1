import { describe, expect, it } from 'vitest';
import * as route from './route';

describe('unknown /api/ paths', () => {
  it('answer a JSON 404 in the API error shape, for every method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const) {
      for (const path of ['/api/v1/nope', '/api/nope', '/api/v1/deals/x/y']) {
        const res = route[method](new Request(`http://localhost:3000${path}`, { method, headers: { 'accept-language': 'en' } }));
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.headers.get('content-type')).toContain('application/json');
        expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'That record does not exist or was deleted.' } });
      }
    }
    const tr = route.GET(new Request('http://localhost:3000/api/nope', { headers: { 'accept-language': 'tr' } }));
    expect(await tr.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'Bu kayıt yok ya da silinmiş.' } });
  });
});
