import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WritableDb } from '../../src/store/open.js';
import { REVIEW_COLUMNS, reviewRows } from './review-rows.js';
import { seedDb } from './seed-db.js';

/** The table under "## All rows" in docs/mapping-review.md, without its review column. */
function reviewedRows(): string[][] {
  const md = readFileSync('docs/mapping-review.md', 'utf8');
  const section = md.split('## All rows')[1].split('\n## ')[0];
  const lines = section.split('\n').filter((l) => l.startsWith('| '));
  const header = lines[0].slice(2, -2).split(' | ');
  expect(header).toEqual([...REVIEW_COLUMNS, 'review']);
  return lines.slice(2).map((l) =>
    l.slice(2, -2).split(/ \| /).map((c) => c.replaceAll('\\|', '|')).slice(0, REVIEW_COLUMNS.length),
  );
}

describe('mapping of the seed reports', () => {
  let db: WritableDb;
  beforeAll(async () => {
    db = await seedDb();
  });

  it('matches the reviewed mapping in docs/mapping-review.md row for row', () => {
    expect(reviewRows(db)).toEqual(reviewedRows());
  });

  it('leaves only the five reviewed labels unmapped', () => {
    const unmapped = db.prepare(`SELECT label FROM budget_row_map WHERE area IS NULL AND line IS NULL AND area_group IS NULL ORDER BY label`).pluck().all();
    expect(unmapped).toEqual(['Arbetad tid (årsarbetare)', 'E-hälsa', 'Markberedning Krokstorp', 'Övrigt', 'Övrigt']);
  });

  it('reads each table\'s cost sign: negative in Alingsås, Mölndal and Tyresö, positive in Ale and Hjo', () => {
    const signs = db.prepare(`
      SELECT d.municipality, group_concat(DISTINCT s.cost_sign) AS cost_sign
      FROM budget_table_signs s JOIN documents d ON d.id = s.document_id
      GROUP BY d.municipality ORDER BY d.municipality`).all();
    expect(signs).toEqual([
      { municipality: 'Ale', cost_sign: '1' },
      { municipality: 'Alingsås', cost_sign: '-1' },
      { municipality: 'Hjo', cost_sign: '1' },
      { municipality: 'Mölndal', cost_sign: '-1' },
      { municipality: 'Tyresö', cost_sign: '-1' },
    ]);
  });

  it('shows costs positive in amount_tkr whatever the printed sign, and keeps the printed value', () => {
    const rows = db.prepare(`
      SELECT municipality, value, amount_tkr FROM v_budget_mapped
      WHERE line = 'kostnader' AND measure IN ('outcome', 'cost') AND is_current = 1 AND area_group IS NOT NULL
      ORDER BY municipality`).all() as { municipality: string; value: number; amount_tkr: number }[];
    expect([...new Set(rows.map((r) => r.municipality))]).toEqual(['Ale', 'Alingsås', 'Hjo', 'Mölndal', 'Tyresö']);
    for (const r of rows) expect(r.amount_tkr).toBeGreaterThan(0);
    expect(rows.find((r) => r.municipality === 'Alingsås')!.value).toBe(-91616);
  });

  it('gives Hjo\'s negative-printed revenues a positive amount', () => {
    const r = db.prepare(`SELECT value, amount_tkr FROM v_budget_mapped WHERE municipality = 'Hjo' AND line = 'intakter' AND column_label = 'Utfall 2016'`).get();
    expect(r).toEqual({ value: -63742, amount_tkr: 63742 });
  });

  it('reads a per-area table without a printed unit in the document\'s unit (Ale: tkr)', () => {
    const r = db.prepare(`SELECT unit, unit_inferred, value_tkr FROM v_budget_mapped WHERE municipality = 'Ale' AND area = 'ifo' AND column_label = 'Innevarande år / Perioden / Utfall'`).get();
    expect(r).toEqual({ unit: 'tkr', unit_inferred: 1, value_tkr: 65214 });
  });
});
