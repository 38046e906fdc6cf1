// Lets plain Node scripts (launcher, seed, worker) import src/server/** files.
// Those files start with `import 'server-only'`, whose default export throws on
// purpose outside a React Server Components bundler. Outside Next there is no
// client bundle to protect, so the marker is mapped to the package's own empty
// entry (the one Next picks under the `react-server` condition).
//
// Usage: tsx --import ./scripts/server-only-hook.mjs scripts/launch.ts
import module from 'node:module';

const SPECIFIER = 'server-only';
const EMPTY_SOURCE = 'data:text/javascript,export{}';

function emptyEntryFor(resolvedUrl) {
  // `.../server-only/index.js` -> `.../server-only/empty.js`
  return resolvedUrl.replace(/\/index\.js$/, '/empty.js');
}

if (typeof module.registerHooks === 'function') {
  // In-thread hooks (Node >= 22.15) also cover require(); the off-thread
  // module.register() hooks below only reach the ESM loader.
  module.registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier !== SPECIFIER) return nextResolve(specifier, context);
      try {
        const resolved = nextResolve(specifier, context);
        return { ...resolved, url: emptyEntryFor(resolved.url), shortCircuit: true };
      } catch {
        return { url: EMPTY_SOURCE, format: 'module', shortCircuit: true };
      }
    },
  });
} else {
  const hooks = `
    export async function resolve(specifier, context, nextResolve) {
      if (specifier !== ${JSON.stringify(SPECIFIER)}) return nextResolve(specifier, context);
      try {
        const resolved = await nextResolve(specifier, context);
        return { ...resolved, url: resolved.url.replace(/\\/index\\.js$/, '/empty.js'), shortCircuit: true };
      } catch {
        return { url: ${JSON.stringify(EMPTY_SOURCE)}, format: 'module', shortCircuit: true };
      }
    }`;
  module.register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url);
}
