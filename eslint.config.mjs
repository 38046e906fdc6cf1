import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { moduleBoundaries } from './scripts/eslint-module-boundaries.mjs';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a field away).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // One formatter renders dates: src/lib/format-date.ts, always in a named zone (ctx.timeZone).
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/format-date.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat'], CallExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
          message: 'Format dates with src/lib/format-date.ts (it takes the zone and the language).',
        },
        {
          selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]",
          message: 'Format dates with src/lib/format-date.ts: toLocale*String uses the zone of whatever process or browser runs it.',
        },
        {
          selector: "CallExpression[callee.property.name='dateTime']",
          message: "Format dates with src/lib/format-date.ts, not next-intl's format.dateTime.",
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'date-fns', importNames: ['format', 'formatDate', 'lightFormat', 'formatISO', 'formatRFC3339', 'formatRFC7231', 'intlFormat'], message: 'Format dates with src/lib/format-date.ts.' },
            { name: 'date-fns/format', message: 'Format dates with src/lib/format-date.ts.' },
            { name: '@date-fns/tz', importNames: ['tzName'], message: 'Format dates with src/lib/format-date.ts.' },
          ],
        },
      ],
    },
  },
  // Module edges (docs/decisions/010-module-edge-checks.md).
  ...moduleBoundaries(import.meta.dirname),
  { ignores: ['.next/**', '.next-*/**', '.data*/**', 'node_modules/**', 'data/**', 'drizzle/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
];

export default config;
