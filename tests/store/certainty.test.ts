/**
 * Values read from flattened text keep how sure their split is into SQL (migration 004):
 * 'certain' or 'inferred' on budget_values and indicator_values; NULL for printed grids.
 */
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline/extract.js';
import { writeDocument } from '../../src/store/write-document.js';
import { columnsOf, createDb } from './db.js';

const INFO = { parserVersion: 'test', importedAt: '2026-11-23T00:00:00Z' };

async function stored(file: string): Promise<Record<string, number>> {
  const db = createDb();
  writeDocument(db, (await extractFile(file)).value, INFO);
  const rows = db.prepare(`SELECT coalesce(certainty, 'null') AS c, count(*) AS n FROM budget_values GROUP BY c`).all() as Array<{ c: string; n: number }>;
  db.close();
  return Object.fromEntries(rows.map((r) => [r.c, r.n]));
}

describe('certainty in the store', () => {
  it('adds the column to both value tables', () => {
    const db = createDb();
    expect(columnsOf(db, 'budget_values')).toContain('certainty');
    expect(columnsOf(db, 'indicator_values')).toContain('certainty');
    db.close();
  });

  it('stores certain and inferred values of a flattened text, and nothing without a certainty', async () => {
    const counts = await stored('fixtures/flat/real/Bokslut_2025-flat.txt');
    expect(counts.null).toBeUndefined();
    expect(counts.certain).toBeGreaterThan(100);
    expect(counts.inferred).toBeGreaterThan(0);
  });

  it('stores NULL for values read from a tab-separated grid', async () => {
    expect(Object.keys(await stored('fixtures/hjo-2016-verksamhetsuppfoljning/report.txt'))).toEqual(['null']);
  });
});
