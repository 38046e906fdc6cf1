/**
 * ESLint config for the module edges of ARCHITECTURE.md ("The module contract"), with
 * eslint-plugin-boundaries:
 *
 * - From outside `src/modules/<name>/`, only `index.ts` (server side), `client.ts` (browser-safe) and `ui.ts` (components)
 *   of that module may be imported: as `@/modules/<name>`, `@/modules/<name>/client`, or a relative
 *   path to those three files. Inside the module, anything goes.
 * - `src/server/**` (infrastructure), `src/lib/**` and `src/components/**` import no module at all.
 *
 * Imports, `export ... from`, dynamic `import()` and `require()` all count, type-only ones too (a
 * type belongs in the module's `client.ts`). Test files are exempt: tests may import what they test.
 * `eslint.config.mjs` uses this for the project; the edge-check test uses it on a fixture tree.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import boundaries from 'eslint-plugin-boundaries';

/** @param {string} root the folder holding `src/` and `tsconfig.json` (its `@/` paths). */
export function moduleBoundaries(root) {
  return [
    {
      files: ['src/**/*.{ts,tsx}'],
      ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      languageOptions: { parser: tsParser },
      plugins: { boundaries },
      settings: {
        'boundaries/root-path': root,
        'import/resolver': { typescript: { project: path.join(root, 'tsconfig.json') } },
        // The first descriptor that matches a file classifies it; `src` catches the rest
        // (app, i18n, composition, proxy.ts, ...), so every file under src is checked.
        'boundaries/elements': [
          { type: 'module', pattern: 'src/modules/*', capture: ['name'] },
          { type: 'server', pattern: 'src/server' },
          { type: 'lib', pattern: 'src/lib' },
          { type: 'components', pattern: 'src/components' },
          { type: 'src', pattern: 'src' },
        ],
      },
      rules: {
        'boundaries/dependencies': [
          'error',
          {
            default: 'allow',
            // When several policies match, the last one decides (and gives its message).
            policies: [
              {
                disallow: { to: { element: { type: 'module', fileInternalPath: '!{index,client,ui}.ts' } } },
                message:
                  'Import module "{{to.element.captured.name}}" through its entry: @/modules/{{to.element.captured.name}}, /client or /ui (not {{to.element.fileInternalPath}}).',
              },
              {
                from: { element: { type: ['server', 'lib', 'components'] } },
                disallow: { to: { element: { type: 'module' } } },
                message: 'src/{{from.element.type}} imports no module (here: "{{to.element.captured.name}}").',
              },
            ],
          },
        ],
      },
    },
  ];
}
