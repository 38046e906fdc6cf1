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
  // Module edges (docs/decisions/010-module-edge-checks.md).
  ...moduleBoundaries(import.meta.dirname),
  { ignores: ['.next/**', '.next-*/**', '.data*/**', 'node_modules/**', 'data/**', 'drizzle/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
];

export default config;
