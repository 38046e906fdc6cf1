import 'server-only';
import { createHash } from 'node:crypto';

/**
 * The hot reads of the API (the key lookup of every call, a page of customers) spent as long in
 * PostgreSQL's planner as in running the query: 0.15 ms and 0.4 ms of planning against 0.03 ms
 * and 0.6 ms of execution at 100,000 customers. Run as a named prepared statement, a query is
 * parsed once per connection, and after five runs PostgreSQL keeps a generic plan when it costs no
 * more than the custom ones (docs/decisions/012-lean-api-path.md).
 *
 * The statement is named after its SQL text, so every shape of a query builder (another filter,
 * another sort) gets its own name and values still travel as parameters. Shapes are counted per
 * process: past `MAX_SHAPES` (a list of ids of every length could make new ones forever) queries
 * run unprepared, so neither the connections' statement caches nor the server's memory grow
 * without bound. Not for text searches: a generic plan cannot see how selective a pattern is.
 */
const MAX_SHAPES = 500;
const names = new Map<string, string>();

type PreparedQuery<T> = { getQuery(): { sql: string }; execute(): Promise<T> };

/** Runs a drizzle query as a prepared statement named after its text (see above). */
export function runPrepared<T>(label: string, query: { prepare(name: string): PreparedQuery<T> }): Promise<T> {
  // Building a query is most of drizzle's cost per call, so it is built once, under the label,
  // and given its name when its text is known.
  const prepared = query.prepare(label);
  const text = prepared.getQuery().sql;
  let name = names.get(text);
  if (name === undefined && names.size < MAX_SHAPES) {
    name = `${label}_${createHash('sha1').update(text).digest('base64url').slice(0, 16)}`;
    names.set(text, name);
  }
  setStatementName(prepared, name);
  return prepared.execute();
}

/** drizzle's node-postgres prepared query keeps the statement's name in the configs it hands to pg. */
function setStatementName(prepared: object, name: string | undefined): void {
  const configs = prepared as { queryConfig?: { name?: string }; rawQueryConfig?: { name?: string } };
  if (!configs.queryConfig || !configs.rawQueryConfig) {
    throw new Error('drizzle-orm no longer keeps queryConfig on its prepared queries: see src/server/db/prepared.ts');
  }
  configs.queryConfig.name = name;
  configs.rawQueryConfig.name = name;
}
