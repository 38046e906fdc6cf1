/**
 * The module-edge checks (docs/decisions/010-module-edge-checks.md) against two small trees in
 * tests/fixtures/edges: `broken` holds one violation of each kind and must fail, naming each;
 * `clean` follows the contract (and has a test file and a type-only cycle, which are allowed) and
 * must pass. Each tree has its own tsconfig.json mapping `@/` to its own `src/`.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { moduleBoundaries } from '../scripts/eslint-module-boundaries.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name: 'clean' | 'broken') => path.join(repo, 'tests', 'fixtures', 'edges', name);

function run(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: repo }, (error, stdout) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout });
    });
  });
}

async function lint(name: 'clean' | 'broken'): Promise<string[]> {
  const root = fixture(name);
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: moduleBoundaries(root) });
  const results = await eslint.lintFiles(['src']);
  return results.flatMap((r) =>
    r.messages.map((m) => `${path.relative(root, r.filePath).split(path.sep).join('/')}:${m.line} ${m.message}`),
  );
}

const cycles = (name: 'clean' | 'broken') => run(['scripts/check-cycles.mjs', fixture(name)]);
const owners = (name: 'clean' | 'broken', ...flags: string[]) =>
  run(['--import', 'tsx', 'scripts/check-table-owners.ts', ...flags, fixture(name)]);

describe('module boundaries lint', () => {
  it('reports deep imports of another module and any module import from server or lib', async () => {
    const messages = await lint('broken');
    expect(messages).toHaveLength(5);
    expect(messages).toEqual([
      expect.stringMatching(/^src\/app\/page\.tsx:5 Import module "deals" through its entry.*not mutations\.ts/),
      expect.stringMatching(/^src\/app\/page\.tsx:9 Import module "customers" through its entry.*not mutations\.ts/),
      'src/lib/labels.ts:2 src/lib imports no module (here: "deals").',
      expect.stringMatching(/^src\/modules\/deals\/mutations\.ts:3 Import module "customers" through its entry.*not queries\.ts/),
      'src/server/jobs/close-deals.ts:2 src/server imports no module (here: "deals").',
    ]);
  });

  it('passes imports through index.ts and client.ts, and test files', async () => {
    expect(await lint('clean')).toEqual([]);
  });
});

describe.concurrent('cycle check', () => {
  it('finds a cycle made of @/ imports', async () => {
    const { code, stdout } = await cycles('broken');
    expect(code).toBe(1);
    expect(stdout).toContain('src/modules/customers/mutations.ts > src/modules/customers/queries.ts > src/modules/customers/mutations.ts');
    expect(stdout).toContain('cycles: 1 import cycle ');
  });

  it('passes a tree whose only cycle is type-only', async () => {
    const { code, stdout } = await cycles('clean');
    expect(stdout).toContain('cycles: 0 import cycles');
    expect(code).toBe(0);
  });
});

describe.concurrent('table ownership check', () => {
  it('reports writes of another module\'s table, by Drizzle and raw SQL, and writes from routes', async () => {
    const { code, stdout } = await owners('broken');
    expect(code).toBe(1);
    const lines = stdout.split('\n').filter((l) => /^\S+:\d+  writes /.test(l));
    expect(lines).toEqual([
      'src/app/page.tsx:12  writes deals (owned by deals)',
      'src/modules/deals/mutations.ts:11  writes customers (owned by customers)',
      'src/modules/deals/mutations.ts:12  writes customers (owned by customers)',
      'src/modules/deals/mutations.ts:14  writes customers (owned by customers)',
    ]);
    expect(stdout).toContain('table-owners: 4 foreign writes');
  });

  it('passes writes by the owning module (and by test files)', async () => {
    const { code, stdout } = await owners('clean');
    expect(stdout).toContain('table-owners: 0 foreign writes (5 writes of 2 tables');
    expect(code).toBe(0);
  });

  it('lists every write by table', async () => {
    const { code, stdout } = await owners('clean', '--list');
    expect(stdout).toContain(
      [
        'customers (owned by customers)',
        '  src/modules/customers/mutations.ts:7  .insert()',
        '  src/modules/customers/mutations.ts:11  .update()',
        '  src/modules/customers/mutations.ts:12  sql update ${}',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });
});
