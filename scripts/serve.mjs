// Runs Next behind a plain Node HTTP server, started by the launcher (`npm start`, `npm run dev`)
// in place of `next start` / `next dev`: the one place that sees the TCP peer of a request, so it
// rewrites the client-address headers before Next and the app read them (see client-address.mjs).
// In production it also answers /api/v1 and /api/health itself, before Next, through the API's
// lean path (lean-api.mjs, docs/decisions/012-lean-api-path.md); TEZGAH_LEAN_API=off leaves them
// to Next's route files, which `npm run dev` always uses so that edits reload.
//
//   node scripts/serve.mjs start|dev <port>
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { parseTrustedProxies, withClientAddress } from './client-address.mjs';
import { loadLeanApi } from './lean-api.mjs';

const [command, portArg] = process.argv.slice(2);
const dev = command === 'dev';
const port = Number.parseInt(portArg ?? process.env.PORT ?? '3000', 10);
process.env.NODE_ENV ??= dev ? 'development' : 'production';

const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const server = http.createServer();
const app = next({ dev, dir: root, port, httpServer: server });
await app.prepare();
const nextHandler = app.getRequestHandler();
const leanApi =
  !dev && process.env.TEZGAH_LEAN_API !== 'off' ? await loadLeanApi(root, path.join(root, process.env.NEXT_DIST_DIR || '.next', 'tezgah-api')) : null;
const handler = leanApi ? (req, res) => leanApi(req, res) || nextHandler(req, res) : nextHandler;
server.on('request', withClientAddress(handler, trusted));
// Same binding as `next start` without --hostname: every interface.
server.listen(port, () => {
  console.log(
    `Next ${dev ? 'dev' : 'production'} server on port ${port}; client addresses from ${trusted ? 'the socket, or X-Forwarded-For from TRUSTED_PROXIES' : 'the socket'}; ` +
      `/api/v1 through ${leanApi ? 'the lean path' : "Next's routes"}`,
  );
});

let closing = false;
function stop() {
  if (closing) return;
  closing = true;
  server.close();
  server.closeIdleConnections();
  // Open event streams never end by themselves; give requests in flight a moment, then go.
  setTimeout(() => process.exit(0), 5_000).unref();
  void app.close().finally(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
