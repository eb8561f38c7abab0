import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Queries live in src/db (and the operator's tools in src/ops), nowhere else (issue 12,
// docs/decisions/0092): the admin, the bot, the CLI, the jobs and the rest call a src/db function
// that takes the db (or the caller's transaction) first and returns camelCase domain values.
//
// Two checks keep it so, on every file under src/ outside src/db and src/ops:
// - no file builds a query: no Kysely `selectFrom(`, `insertInto(`, `updateTable(`, `deleteFrom(`,
//   `replaceInto(`, `mergeInto(`, and no raw `sql\`…\`` (with or without a type argument);
// - no file imports 'kysely' (nor a subpath of it). None needs to: the db is passed along as `Db`
//   from src/db/connection.ts (a Kysely<Database>), and a transaction's `trx` is a `Db` too.
//   Callers still open transactions with `db.transaction().execute(…)`: the unit of work is theirs
//   to choose, and the src/db functions they call inside take `trx`.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The folders that may build queries and import the engine. */
const ALLOWED = ['src/db', 'src/ops'];

const QUERY_PATTERN =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(|\bsql\s*(?:<[^`]*?>\s*)?`/g;
const KYSELY = `['"]kysely(?:/[^'"]*)?['"]`;
const KYSELY_IMPORT_PATTERN = new RegExp(
  `\\bfrom\\s*${KYSELY}|\\b(?:import|require)\\s*\\(\\s*${KYSELY}\\s*\\)|\\bimport\\s*${KYSELY}`,
  'g',
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `line N: text` where each match of the (global) `pattern` in `text` starts. */
function linesMatching(text: string, pattern: RegExp): string[] {
  const lines = text.split('\n');
  const found = new Set<number>();
  for (const m of text.matchAll(pattern)) found.add(text.slice(0, m.index).split('\n').length);
  return [...found].map((n) => `line ${n}: ${lines[n - 1]!.trim()}`);
}

/** What a file does that only src/db and src/ops may do, one message per line found. */
function engineUses(rel: string, text: string): string[] {
  return [
    ...linesMatching(text, QUERY_PATTERN).map(
      (at) => `${rel} builds a query (${at}): move it into a function of the src/db module that owns the table`,
    ),
    ...linesMatching(text, KYSELY_IMPORT_PATTERN).map(
      (at) => `${rel} imports kysely (${at}): take the db as \`Db\` from src/db/connection.ts and call src/db`,
    ),
  ];
}

function violations(): string[] {
  return sourceFiles(join(root, 'src')).flatMap((file) => {
    const rel = relative(root, file).split(sep).join('/');
    if (ALLOWED.some((folder) => rel.startsWith(`${folder}/`))) return [];
    return engineUses(rel, readFileSync(file, 'utf8'));
  });
}

describe('queries live only in src/db and src/ops', () => {
  it('no file under src/ outside src/db and src/ops builds a query or imports kysely', () => {
    expect(violations()).toEqual([]);
  });

  it('the check sees real queries and imports (it is not vacuous)', () => {
    const blocs = readFileSync(join(root, 'src/db/blocs.ts'), 'utf8');
    expect(engineUses('src/db/blocs.ts', blocs).some((m) => m.includes('builds a query'))).toBe(true);
    const dataVersion = readFileSync(join(root, 'src/db/data-version.ts'), 'utf8');
    const found = engineUses('src/db/data-version.ts', dataVersion);
    expect(found.some((m) => m.includes('imports kysely'))).toBe(true);
    expect(found.some((m) => m.includes('builds a query'))).toBe(true);

    const sample = [
      "import type { Transaction } from 'kysely';",
      'const a = await db.selectFrom("bloc").selectAll().execute();',
      "await trx.insertInto('bloc').values(v).execute();",
      'await db.updateTable(`unit`).set(x).execute();',
      "await db.deleteFrom ('received_file').execute();",
      'const r = await sql<{ n: number }>`select 1 as n`.execute(db);',
      'const s = sql`pragma database_list`;',
      "const k = await import('kysely');",
      'const ok = selectedFromList(x); // not a query',
    ].join('\n');
    expect(engineUses('src/x.ts', sample).map((m) => m.match(/\(line (\d+)/)![1])).toEqual([
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '1',
      '8',
    ]);
    expect(engineUses('src/x.ts', sample)[0]).toMatch(/^src\/x\.ts builds a query \(line 2: /);
  });
});
