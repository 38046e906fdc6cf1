// Builds and loads the API's lean path (src/composition/lean-api.ts) for scripts/serve.mjs, which
// is plain JavaScript run by Node. esbuild bundles the TypeScript of src/ into one ES module next
// to Next's build, resolving the `@/` alias and mapping `server-only` to nothing (outside Next no
// client bundle needs the guard); packages stay in node_modules and are loaded by Node. Built at
// every start, in about a tenth of a second, so it can never be older than the source.
// docs/decisions/012-lean-api-path.md has the measured alternatives.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** @param {string} root the project folder; @param {string} outDir where the bundle goes */
export async function buildLeanApi(root, outDir) {
  const outfile = path.join(outDir, 'lean-api.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['src/composition/lean-api.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        name: 'server-only',
        setup(b) {
          b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
          b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '' }));
        },
      },
    ],
  });
  return outfile;
}

/** Builds the bundle and returns its request listener, `(req, res) => boolean`. */
export async function loadLeanApi(root, outDir) {
  const outfile = await buildLeanApi(root, outDir);
  const { leanApi } = await import(pathToFileURL(outfile).href);
  return leanApi;
}
