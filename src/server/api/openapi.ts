import 'server-only';
import { z } from 'zod';
import type { Endpoint } from './endpoint';
import packageJson from '../../../package.json';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', examples: ['VALIDATION', 'NOT_FOUND'] },
        message: { type: 'string' },
        fields: {
          type: 'object',
          description: 'Per invalid field (dotted path): the rule it broke, a message in the Accept-Language, and the limit where there is one',
          additionalProperties: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', examples: ['required', 'tooLong', 'tooShort', 'tooBig', 'tooSmall', 'tooMany', 'invalid', 'email', 'taken'] },
              message: { type: 'string', examples: ['At most 200 characters.'] },
              max: { type: 'number', description: 'The largest length, count or value allowed (tooLong, tooMany, tooBig)' },
              min: { type: 'number', description: 'The smallest length or value allowed (tooShort, tooSmall)' },
            },
          },
          examples: [{ name: { code: 'tooLong', message: 'At most 200 characters.', max: 200 } }],
        },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  // `unrepresentable: 'any'` keeps transforms (trim, E.164) from failing the document.
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const ERROR_RESPONSES = {
  '400': 'Malformed request (bad JSON or query)',
  '401': 'No valid API key or session',
  '403': 'The role does not allow this, or a session call lacks this app’s Origin',
  '404': 'Not found in this business',
  '409': 'Conflicts with the stored version',
  '422': 'Invalid fields: `error.fields` maps each field to `{ code, message, max?, min? }`',
  '429': 'Rate limit reached (see Retry-After)',
};

/** The OpenAPI 3.1 document of /api/v1, made from the zod schemas the endpoints validate with. */
export function buildOpenApiDocument(endpoints: readonly Endpoint[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const parameters: unknown[] = [];
    for (const name of e.path.match(/\{(\w+)\}/g) ?? []) {
      parameters.push({ name: name.slice(1, -1), in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });
    }
    if (e.query) {
      const q = jsonSchema(e.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
      }
    }
    if (e.auth === 'any' && !e.businessOptional) {
      parameters.push({
        name: 'X-Business-Id',
        in: 'header',
        required: false,
        description: 'With a session: the business to act on (default: the one used last). Ignored with an API key.',
        schema: { type: 'string', format: 'uuid' },
      });
    }
    const status = String(e.successStatus ?? 200);
    paths[e.path] ??= {};
    paths[e.path]![e.method.toLowerCase()] = {
      tags: [e.tag],
      summary: e.summary,
      operationId: `${e.method.toLowerCase()}${e.path.replace(/[{}]/g, '').replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      security: e.auth === 'session' ? [{ session: [] }] : [{ apiKey: [] }, { session: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(e.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(e.body, 'input') } } } }
        : {}),
      responses: {
        [status]: status === '204'
          ? { description: 'Done' }
          : {
              description: 'OK',
              ...(e.response ? { content: { 'application/json': { schema: jsonSchema(e.response, 'output') } } } : {}),
            },
        ...Object.fromEntries(
          Object.entries(ERROR_RESPONSES).map(([code, description]) => [
            code,
            { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          ]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tezgah API',
      version: packageJson.version,
      description:
        'The REST API of one Tezgah business. Authenticate with `Authorization: Bearer <API key>` (made in the business settings) or with the signed-in session. Lists answer `{ data, nextCursor }`; pass `cursor` back for the next page.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key of the business (tzg_…)' },
        session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
