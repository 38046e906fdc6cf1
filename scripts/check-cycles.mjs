/**
 * Fails when the import graph of `src/` has a cycle.
 *
 *   node scripts/check-cycles.mjs [root]
 *
 * madge's API with the options of `madge --circular --ts-config tsconfig.json --extensions ts,tsx src`:
 * the tsconfig is what makes madge resolve `@/` imports (without it they are dropped and no cycle
 * through them can be found). Also:
 * - type-only imports (`import type ...`) are skipped: they vanish at compile time, so a cycle made
 *   of them cannot break module loading;
 * - test files are left out, and so is everything outside `src/` that a file in `src/` reaches, so
 *   helpers in `tests/` and `e2e/` do not count;
 * - dynamic `import()` counts: it defers loading, but the two files still depend on each other.
 * `root` (default: the working directory) holds `src/` and `tsconfig.json`.
 *
 * madge hands the tsconfig's options on without the folder they came from, so with no `baseUrl`
 * TypeScript reads `paths` relative to the working directory: the check runs from `root`, or `@/`
 * in a fixture tree would resolve into the project's own `src/`.
 */
import path from 'node:path';
import madge from 'madge';

const root = path.resolve(process.argv[2] ?? process.cwd());
const src = path.join(root, 'src');
const isTest = (file) => /\.test\.tsx?$/.test(file);
const startedIn = process.cwd();
process.chdir(root);

const result = await madge(src, {
  tsConfig: path.join(root, 'tsconfig.json'),
  fileExtensions: ['ts', 'tsx'],
  excludeRegExp: [/\.test\.tsx?$/],
  dependencyFilter: (dependency) => dependency.startsWith(src + path.sep) && !isTest(dependency),
  detectiveOptions: {
    ts: { skipTypeImports: true },
    tsx: { skipTypeImports: true },
  },
});

const cycles = result.circular();
const shown = (file) => path.relative(root, path.join(src, file)).split(path.sep).join('/');
cycles.forEach((cycle, i) => {
  console.log(`${i + 1}) ${[...cycle, cycle[0]].map(shown).join(' > ')}`);
});
const files = Object.keys(result.obj()).length;
console.log(`cycles: ${cycles.length} import cycle${cycles.length === 1 ? '' : 's'} (${files} files in ${path.relative(startedIn, src) || '.'})`);
process.exit(cycles.length > 0 ? 1 : 0);
