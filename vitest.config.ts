import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^server-only$/, replacement: path.join(root, 'tests', 'empty-module.ts') },
      { find: /^@\//, replacement: `${path.join(root, 'src')}/` },
    ],
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Small trees that the edge checks read (tests/edge-checks.test.ts), not tests to run.
    exclude: [...configDefaults.exclude, 'tests/fixtures/**'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup-composition.ts'],
    // Test files share one database server; two workers suit the two-core machines
    // and keep connection counts and disk contention low.
    pool: 'forks',
    maxWorkers: 2,
    // Starting PostgreSQL (initdb on the first run) and migrating happen in hooks.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    teardownTimeout: 30_000,
  },
});
