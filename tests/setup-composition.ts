import { beforeAll } from 'vitest';

// Registers the modules' event subscribers in every test file, as the app and the worker do at
// start. Imported in a hook rather than at the top, so that it loads after the test file's own
// imports: a `vi.mock` of the test file (next/headers, say) then applies to the modules it loads.
beforeAll(async () => {
  await import('@/composition/wiring');
});
