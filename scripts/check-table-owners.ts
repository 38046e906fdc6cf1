/**
 * Lists every write of every table in `src/**` (test files excepted) and fails when a module writes
 * a table that another module owns, or when a route (`src/app/**`) writes a table at all.
 *
 *   tsx scripts/check-table-owners.ts [--list] [root]
 *
 * A write is a Drizzle `.insert(t)`, `.update(t)` or `.delete(t)` whose argument is a table imported
 * from `src/server/db/schema`, or raw SQL in a sql`...` template: `insert into <t>`, `update <t>`,
 * `delete from <t>`, with the name written out or interpolated (sql`update ${customers} set ...`).
 * The owners are in `table-owners.ts` beside this script. `root` (default: the working directory)
 * is the folder holding `src/`, so the self-test can point the check at a small fixture tree.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { INFRASTRUCTURE_PREFIX, TABLE_OWNERS } from './table-owners';

type Write = {
  file: string;
  line: number;
  /** Schema identifier, e.g. `purchaseItems`; null when the SQL name matches no identifier. */
  table: string | null;
  sqlName: string | null;
  how: string;
  /** A raw SQL write whose table is computed at run time (e.g. sql.identifier(name)). */
  dynamic?: boolean;
};

const args = process.argv.slice(2);
const listMode = args.includes('--list');
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? process.cwd());
const srcDir = path.join(root, 'src');
const schemaDir = path.join(srcDir, 'server', 'db', 'schema');

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

function parse(file: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
}

const isTestFile = (file: string) => /\.test\.tsx?$/.test(file);
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

/** Schema identifier → SQL table name, read from every `export const x = pgTable('name', ...)`. */
function readSchema(): Map<string, string> {
  const tables = new Map<string, string>();
  if (!fs.existsSync(schemaDir)) return tables;
  for (const file of walk(schemaDir)) {
    const sf = parse(file);
    const visit = (node: ts.Node) => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isCallExpression(node.initializer) &&
        ts.isIdentifier(node.initializer.expression) &&
        node.initializer.expression.text === 'pgTable'
      ) {
        const first = node.initializer.arguments[0];
        if (first && ts.isStringLiteralLike(first)) tables.set(node.name.text, first.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return tables;
}

/** Whether an import specifier in `file` points into the schema folder (`@/` or relative). */
function importsSchema(file: string, specifier: string): boolean {
  let target: string;
  if (specifier.startsWith('@/')) target = path.join(srcDir, specifier.slice(2));
  else if (specifier.startsWith('.')) target = path.resolve(path.dirname(file), specifier);
  else return false;
  return target === schemaDir || target.startsWith(schemaDir + path.sep);
}

/** The writer of a file: its module's name, `server/<area>`, `app`, or its top folder under src. */
function writerOf(file: string): string {
  const parts = path.relative(srcDir, file).split(path.sep);
  if (parts[0] === 'modules' && parts.length > 2) return parts[1]!;
  if (parts[0] === 'server' && parts.length > 2) return `server/${parts[1]}`;
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.tsx?$/, '');
}

const WRITE_METHODS = new Set(['insert', 'update', 'delete']);
// `update` also follows `do` in `on conflict do update set`: names are checked against the schema,
// so only a real table name counts.
const RAW_WRITE = /\b(insert\s+into|update|delete\s+from)\s+(?:(?:"?public"?\.)?"?([A-Za-z_][A-Za-z0-9_]*)"?|\u0001(\d+)\u0001)/gi;

function findWrites(file: string, tables: Map<string, string>, sqlNames: Map<string, string>): Write[] {
  const sf = parse(file);
  const writes: Write[] = [];
  const localTables = new Map<string, string>(); // local identifier → schema identifier
  const namespaces = new Set<string>(); // `import * as schema from '@/server/db/schema'`
  const sqlTags = new Set<string>(); // local names of drizzle's `sql`

  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const spec = stmt.moduleSpecifier.text;
    const bindings = stmt.importClause?.namedBindings;
    if (spec === 'drizzle-orm' && bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) if ((el.propertyName ?? el.name).text === 'sql') sqlTags.add(el.name.text);
    }
    if (!importsSchema(file, spec) || !bindings) continue;
    if (ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
    else
      for (const el of bindings.elements) {
        const imported = (el.propertyName ?? el.name).text;
        if (tables.has(imported)) localTables.set(el.name.text, imported);
      }
  }

  /** The schema identifier an expression names (`customers`, `schema.customers`), if any. */
  const tableOf = (expr: ts.Expression): string | null => {
    while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr)) expr = expr.expression;
    if (ts.isIdentifier(expr)) return localTables.get(expr.text) ?? null;
    if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && namespaces.has(expr.expression.text)) {
      return tables.has(expr.name.text) ? expr.name.text : null;
    }
    return null;
  };
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;

  const visit = (node: ts.Node) => {
    // db.insert(t) / tx.update(t) / tx.delete(t)
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      WRITE_METHODS.has(node.expression.name.text) &&
      node.arguments.length === 1
    ) {
      const table = tableOf(node.arguments[0]!);
      if (table) {
        writes.push({ file, line: lineOf(node.expression.name.getStart(sf)), table, sqlName: tables.get(table)!, how: `.${node.expression.name.text}()` });
      }
    }
    // sql`insert into t ...`, sql`update ${t} set ...`
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && sqlTags.has(node.tag.text)) {
      const tpl = node.template;
      const start = tpl.getStart(sf);
      let text = tpl.getText(sf);
      const spans = ts.isTemplateExpression(tpl) ? tpl.templateSpans : [];
      // Replace each `${...}` by a same-length marker, so offsets in `text` stay source offsets.
      spans.forEach((span, i) => {
        const from = span.expression.getFullStart() - 2 - start; // the `${`
        const to = span.literal.getStart(sf) + 1 - start; // past the `}`
        const marker = `\u0001${i}\u0001`.padEnd(to - from, ' ');
        text = text.slice(0, from) + marker + text.slice(to);
      });
      for (const m of text.matchAll(RAW_WRITE)) {
        const line = lineOf(start + m.index);
        const verb = m[1]!.toLowerCase().replace(/\s+/g, ' ');
        if (m[2]) {
          const name = m[2].toLowerCase();
          const table = sqlNames.get(name);
          if (table) writes.push({ file, line, table, sqlName: name, how: `sql ${verb}` });
        } else {
          const expr = spans[Number(m[3])]!.expression;
          const table = tableOf(expr);
          if (table) writes.push({ file, line, table, sqlName: tables.get(table)!, how: `sql ${verb} \${}` });
          else writes.push({ file, line, table: null, sqlName: null, how: `sql ${verb} \${${expr.getText(sf)}}`, dynamic: true });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return writes;
}

const tables = readSchema();
const sqlNames = new Map([...tables].map(([ident, name]) => [name, ident]));
const files = fs.existsSync(srcDir) ? walk(srcDir).filter((f) => !isTestFile(f)) : [];
const writes = files.flatMap((f) => findWrites(f, tables, sqlNames));

// Every schema table needs an owner, so a new table cannot slip past the check.
const unowned = [...tables.keys()].filter((t) => !(t in TABLE_OWNERS));
for (const t of unowned) console.log(`${rel(schemaDir)}  table ${t} has no owner in scripts/table-owners.ts`);

const isForeign = (w: Write) => {
  if (!w.table) return false;
  const owner = TABLE_OWNERS[w.table];
  const writer = writerOf(w.file);
  if (!owner || writer === owner) return false;
  if (writer.startsWith(INFRASTRUCTURE_PREFIX) && owner.startsWith(INFRASTRUCTURE_PREFIX)) return false;
  return true;
};

if (listMode) {
  const byTable = new Map<string, Write[]>();
  for (const w of writes) {
    const key = w.table ?? '(computed at run time)';
    byTable.set(key, [...(byTable.get(key) ?? []), w]);
  }
  for (const key of [...byTable.keys()].sort()) {
    const owner = TABLE_OWNERS[key];
    console.log(`${key}${owner ? ` (owned by ${owner})` : ''}`);
    for (const w of byTable.get(key)!) console.log(`  ${rel(w.file)}:${w.line}  ${w.how}${isForeign(w) ? '  FOREIGN' : ''}`);
  }
  const unwritten = [...tables.keys()].filter((t) => !byTable.has(t)).sort();
  if (unwritten.length) console.log(`never written here: ${unwritten.join(', ')}`);
  console.log();
}

const foreign = writes.filter(isForeign);
for (const w of foreign) console.log(`${rel(w.file)}:${w.line}  writes ${w.table} (owned by ${TABLE_OWNERS[w.table!]})`);
for (const w of writes.filter((w) => w.dynamic)) {
  console.log(`${rel(w.file)}:${w.line}  note: ${w.how} writes a table named at run time; not checked`);
}
console.log(`table-owners: ${foreign.length} foreign writes (${writes.length} writes of ${tables.size} tables in ${files.length} files)`);
if (unowned.length) console.log(`table-owners: ${unowned.length} tables without an owner`);
process.exit(foreign.length > 0 || unowned.length > 0 ? 1 : 0);
