// Stands in for `server-only` under Vitest: its real entry throws outside a
// React Server Components bundler, and tests import src/server/** directly.
export {};
