import { decodeRule, ruleMessage } from '@/lib/field-rules';
import 'server-only';
import { z } from 'zod';
import { AppError, ERROR_STATUS, isAppError, type FieldErrors } from '../../lib/errors';
import type { Ctx } from '../auth/context';
import { fieldErrorsOf, runOperation, type Operation } from '../actions/operation';
import { RateLimited, type Caller, type CallerResolver } from './caller';
import { apiTranslator } from './i18n';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export type EndpointCall<Q, B> = {
  caller: Caller;
  /** The business context; present on every endpoint that is not `businessOptional`. */
  ctx: Ctx;
  params: Record<string, string>;
  query: Q;
  body: B;
  request: Request;
};

export type Endpoint = {
  method: HttpMethod;
  /** OpenAPI-style path under /api/v1, e.g. `/personnel/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `session`: only a signed-in user (no API key) may call it. */
  auth: 'session' | 'any';
  /** True when the endpoint needs no current business (listing or creating businesses). */
  businessOptional?: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The schema of a successful answer, for the OpenAPI document. */
  response?: z.ZodType;
  successStatus?: 200 | 201 | 204;
  run: (call: EndpointCall<never, never>) => Promise<unknown>;
};

export function defineEndpoint<Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  def: Omit<Endpoint, 'run' | 'query' | 'body'> & {
    query?: Q;
    body?: B;
    run: (call: EndpointCall<z.output<Q>, z.output<B>>) => Promise<unknown>;
  },
): Endpoint {
  return def as unknown as Endpoint;
}

/** Runs a domain operation for an endpoint and unwraps its data, turning failures into errors. */
export async function callOperation<S extends z.ZodType, T>(op: Operation<S, T>, ctx: Ctx, input: unknown): Promise<T> {
  const result = await runOperation(op, ctx, input);
  if (!result.ok) {
    if (result.code === 'INTERNAL') throw new Error(`operation ${op.name} failed`);
    throw new AppError(result.code, result.message, result.fields);
  }
  return result.data;
}

function errorResponse(request: Request, err: AppError): Response {
  const t = apiTranslator(request);
  // Each field says which rule it broke, the message in the caller's language, and the limit.
  const fields = err.fields
    ? Object.fromEntries(
        Object.entries(err.fields).map(([k, v]: [string, string]) => {
          const rule = decodeRule(v);
          const tv = Object.assign((key: string, values?: Record<string, string | number>) => t(`validation.${key}`, values), {
            has: (key: string) => t.has(`validation.${key}`),
          });
          return [k, { ...rule, message: ruleMessage(tv, rule) }];
        }),
      )
    : undefined;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (err instanceof RateLimited) headers['Retry-After'] = String(err.retryAfterSeconds);
  return Response.json(
    { error: { code: err.code, message: t(err.message), ...(fields ? { fields } : {}) } },
    { status: ERROR_STATUS[err.code], headers },
  );
}

function parseWith(schema: z.ZodType | undefined, value: unknown, code: 'BAD_REQUEST' | 'VALIDATION'): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError(code, `errors.${code}`, fieldErrorsOf(parsed.error) as FieldErrors);
  return parsed.data;
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'errors.BAD_REQUEST', { _: 'json' });
  }
}

function sendsVersion(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { version?: unknown }).version !== undefined;
}

function isStale(err: unknown): boolean {
  return isAppError(err) && err.code === 'CONFLICT' && /(^|\.)(STALE|stale)$/.test(err.message);
}

/**
 * A PATCH without `version` applies the fields it sends onto the record as it is (last write wins
 * per field). Its endpoint reads the record, merges the fields and writes with the version it read;
 * when another write came in between, that version is stale: read and merge again rather than
 * answer 409, which is kept for a PATCH that sends its own `version`.
 */
async function retryWhenStale<T>(run: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !isStale(err)) throw err;
    }
  }
}

/** Authenticates, parses, runs and answers one endpoint; bad input never becomes a 500. */
export async function handleEndpoint(
  endpoint: Endpoint,
  request: Request,
  params: Record<string, string>,
  resolveCaller: CallerResolver,
): Promise<Response> {
  try {
    const caller = await resolveCaller(request);
    if (endpoint.auth === 'session' && caller.via !== 'session') throw new AppError('FORBIDDEN', 'apiKeys.errors.sessionOnly');
    if (!endpoint.businessOptional && !caller.ctx) throw new AppError('NOT_FOUND');
    const url = new URL(request.url);
    const query = parseWith(endpoint.query, Object.fromEntries(url.searchParams), 'BAD_REQUEST');
    const body = endpoint.body ? parseWith(z.object({}).passthrough(), await readJson(request), 'BAD_REQUEST') : undefined;
    const run = () => endpoint.run({ caller, ctx: caller.ctx as Ctx, params, query: query as never, body: body as never, request });
    const data = endpoint.method === 'PATCH' && !sendsVersion(body) ? await retryWhenStale(run) : await run();
    const status = endpoint.successStatus ?? 200;
    if (status === 204) return new Response(null, { status, headers: { 'Cache-Control': 'no-store' } });
    return Response.json(data, { status, headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    if (isAppError(err)) return errorResponse(request, err);
    console.error(`[api ${endpoint.method} ${endpoint.path}]`, err);
    return Response.json(
      { error: { code: 'INTERNAL', message: apiTranslator(request)('errors.INTERNAL') } },
      { status: 500, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
