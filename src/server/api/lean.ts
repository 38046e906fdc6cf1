import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { apiSecurityHeaders } from '../../lib/security-headers';
import { outageResponse } from '../db/outage-response';
import { apiErrorResponse, errorResponseFor } from './error-response';
import type { Router } from './router';

const gzip = promisify<zlib.InputType, zlib.ZlibOptions, Buffer>(zlib.gzip);

/**
 * Answers a Node request when it is one of the API's own (true), or leaves it to Next (false).
 * See docs/decisions/012-lean-api-path.md.
 */
export type LeanApi = (req: IncomingMessage, res: ServerResponse) => boolean;

export type LeanApiOptions = {
  router: Router;
  /** `GET /api/health`. */
  health: () => Promise<Response>;
  /** `GET /api/v1/openapi.json`. */
  openApi: () => Response;
  /** Larger request bodies are refused; the same figure as Next's `proxyClientMaxBodySize`. */
  maxBodyBytes?: number;
};

/** Bodies below this size are sent as they are: compressing them saves nothing worth the time. */
const COMPRESS_MIN_BYTES = 1024;
/**
 * Bodies up to this size are compressed on the spot. A profile of list calls found zlib's
 * asynchronous path (thread pool, stream machinery) costing about 0.45 ms of the main thread per
 * 26 kB list, while compressing the same body in place takes 0.08 ms; larger bodies still go to
 * the thread pool so that one big answer does not hold up the others.
 */
const COMPRESS_INLINE_MAX_BYTES = 256 * 1024;
/** The fastest level: 3 % larger than the default on a list of 50 customers, at 60 % of the time. */
const GZIP_OPTIONS = { level: zlib.constants.Z_BEST_SPEED };
const V1 = '/api/v1';

/**
 * The API's lean path: `/api/health`, `/api/v1/openapi.json` and every endpoint of /api/v1
 * answered by the same code as the Next route files (the router's `handle`), without Next's
 * routing, rendering machinery and proxy in between. What Next and the proxy add to an API answer
 * is added here from the same functions: the security headers (`apiSecurityHeaders`), the 503 while
 * the database is down (`outageResponse`), gzip when the client accepts it. Whatever it does not
 * recognise exactly (another method, a trailing slash, HEAD, a path no endpoint has) goes on to
 * Next, whose routes and catch-all answer it as before.
 */
export function createLeanApi(options: LeanApiOptions): LeanApi {
  const { router, health, openApi, maxBodyBytes = 11 * 1024 * 1024 } = options;
  return function leanApi(req, res) {
    const url = req.url ?? '';
    if (!url.startsWith('/api/')) return false;
    const query = url.indexOf('?');
    const pathname = query === -1 ? url : url.slice(0, query);
    const method = req.method ?? 'GET';
    let answer: (request: Request) => Promise<Response> | Response;
    if (pathname === '/api/health' && method === 'GET') {
      answer = health;
    } else if (pathname === `${V1}/openapi.json` && method === 'GET') {
      answer = openApi;
    } else if (pathname.startsWith(`${V1}/`)) {
      const match = router.match(method, pathname.slice(V1.length));
      if (!match) return false;
      answer = (request) => router.handle(match.endpoint, request, match.params);
    } else {
      return false;
    }
    void serve(req, res, pathname, maxBodyBytes, answer);
    return true;
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  maxBodyBytes: number,
  answer: (request: Request) => Promise<Response> | Response,
): Promise<void> {
  let request: Request | undefined;
  try {
    const headers = requestHeaders(req);
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req, maxBodyBytes);
    request = new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body: body ? new Uint8Array(body) : undefined });
    const response = body === null ? apiErrorResponse(request, 'BAD_REQUEST') : ((await outageResponse(request, pathname)) ?? (await answer(request)));
    await send(req, res, response);
  } catch (err) {
    // A bug of this path, or a request that cannot be made into a Request (a malformed Host).
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const fallback = request ? errorResponseFor(request, err, `api ${req.method} ${pathname}`) : new Response(null, { status: 400 });
    await send(req, res, fallback).catch(() => res.destroy());
  }
}

/** The request's headers as the app reads them; scripts/serve.mjs has already set the client address. */
function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.append(name, value);
  }
  return headers;
}

/** The whole body, or null when it is larger than the limit. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  // Next's configured headers first; the answer's own headers win over them, as under Next.
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of apiSecurityHeaders(process.env.APP_URL)) headers[name.toLowerCase()] = value;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  let body: Buffer | undefined = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  if (body && body.length >= COMPRESS_MIN_BYTES && acceptsGzip(req.headers['accept-encoding'])) {
    body = body.length <= COMPRESS_INLINE_MAX_BYTES ? zlib.gzipSync(body, GZIP_OPTIONS) : await gzip(body, GZIP_OPTIONS);
    headers['content-encoding'] = 'gzip';
  }
  if (body) {
    headers['vary'] = headers['vary'] ? `${headers['vary']}, Accept-Encoding` : 'Accept-Encoding';
    headers['content-length'] = String(body.length);
  }
  res.writeHead(response.status, headers);
  res.end(body);
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}
