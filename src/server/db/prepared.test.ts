import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../tests/db';
import { runPrepared } from './prepared';
import * as schema from './schema';
import { businesses } from './schema';

describe('runPrepared', () => {
  // One connection, so that its prepared statements can be read back.
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  const db = drizzle(client, { schema });
  const statements = async () =>
    (await client.query<{ name: string; statement: string }>('select name, statement from pg_prepared_statements order by name')).rows;

  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('prepares each shape of a query once under a name of its text, with the values as parameters', async () => {
    const byName = (name: string) => db.select({ n: sql<number>`${name}::text = 'tezgah'` }).from(businesses).limit(1);
    // An aggregate answers one row whether or not the table has any.
    const withTwo = (a: string, b: string) =>
      db.select({ a: sql<string>`${a}::text`, b: sql<string>`${b}::text`, n: sql<number>`count(*)::int` }).from(businesses);

    expect(await runPrepared('test_one', withTwo('x', 'y'))).toMatchObject([{ a: 'x', b: 'y' }]);
    expect(await runPrepared('test_one', withTwo('p', 'q'))).toMatchObject([{ a: 'p', b: 'q' }]);
    await runPrepared('test_two', byName('tezgah'));

    const names = (await statements()).map((s) => s.name);
    expect(names.filter((n) => n.startsWith('test_one_'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('test_two_'))).toHaveLength(1);
    // The values are parameters of the statement, not part of its text.
    expect((await statements()).find((s) => s.name.startsWith('test_one_'))?.statement).toContain('$1');
  });
});
