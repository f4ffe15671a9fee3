/**
 * The README's Cookbook: every ```sql block is run against the demo database (every file
 * `npm run demo` imports) and its output (formatTable, as `kommunrapport query` prints it) must equal
 * the ```text block under it. UPDATE=1 rewrites the text blocks instead (never in CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/format.js';
import { runQuery } from '../../src/store/query.js';
import type { WritableDb } from '../../src/store/open.js';
import { demoDb } from './seed-db.js';

const README = 'README.md';
const BLOCK = /### (.+)\n[\s\S]*?```sql\n([\s\S]*?)```\n\n```text\n([\s\S]*?)```/g;

interface Recipe {
  title: string;
  sql: string;
  output: string;
}

function cookbook(text: string): { before: string; section: string } {
  const at = text.indexOf('\n## Cookbook\n');
  if (at < 0) throw new Error('README.md has no "## Cookbook" section');
  const end = text.indexOf('\n## ', at + 1);
  return { before: text.slice(0, at), section: end < 0 ? text.slice(at) : text.slice(at, end) };
}

function recipes(section: string): Recipe[] {
  return [...section.matchAll(BLOCK)].map((m) => ({ title: m[1], sql: m[2].trim(), output: m[3] }));
}

describe('README cookbook', () => {
  let db: WritableDb;
  const text = readFileSync(README, 'utf8');
  const { section } = cookbook(text);
  const all = recipes(section);

  beforeAll(async () => {
    db = await demoDb();
    if (process.env.UPDATE === '1') {
      const updated = section.replace(BLOCK, (whole, title: string, sql: string) => {
        const { columns, rows } = runQuery(db, sql.trim());
        return whole.replace(/```text\n[\s\S]*?```$/, '```text\n' + formatTable(columns, rows) + '```');
      });
      writeFileSync(README, text.replace(section, updated));
    }
  });

  it('has at least six questions, each with SQL and output', () => {
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const r of all) expect(r.output.length, `[${r.title}] has no output`).toBeGreaterThan(0);
  });

  it.each(all.map((r) => [r.title, r] as const))('%s', (_title, r) => {
    const { columns, rows } = runQuery(db, r.sql);
    expect(rows.length, `[${r.title}] returns no rows`).toBeGreaterThan(0);
    expect(formatTable(columns, rows)).toBe(r.output);
  });
});
