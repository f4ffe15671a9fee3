/**
 * Acceptance (issue 2): every tab-separated table of the seeds is found, and ≥ 98% of cells
 * agree with truth.json, an independent rendering of the same tables.
 */
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline/extract.js';
import { matchTables, normCell } from '../../src/eval/truth.js';
import { inputPath, reportFixtures, truthOf } from '../helpers/fixtures.js';

describe('text tables against truth.json', () => {
  let cells = 0;
  let agreeing = 0;
  for (const name of reportFixtures()) {
    it(`${name}: every truth table is found and ≥ 98% of its cells agree`, async () => {
      const truth = truthOf(name);
      const doc = (await extractFile(inputPath(name, 'txt'))).value;
      const matches = matchTables(truth.tables, doc);
      const c = matches.reduce((n, m) => n + m.cells, 0);
      const a = matches.reduce((n, m) => n + m.agreeing, 0);
      cells += c; agreeing += a;
      console.log(`${name}: ${a}/${c} cells agree (${((100 * a) / c).toFixed(1)}%), ${doc.tables.length} tables found for ${truth.tables.length} in truth`);
      for (const m of matches) {
        if (m.agreeing < m.cells) {
          const t = truth.tables[m.truthIndex];
          const got = doc.tables.find((x) => x.id === m.tableId);
          const diffs: string[] = [];
          t.rows.forEach((row, r) => row.forEach((cell, k) => {
            const g = got?.rows[r]?.[k];
            if (normCell(g ?? '') !== normCell(cell)) diffs.push(`(${r},${k}) truth "${cell}" got "${g}"`);
          }));
          console.log(`  table ${m.truthIndex} (${m.tableId}): ${diffs.slice(0, 5).join('; ')}`);
        }
      }
      for (const m of matches) expect(m.tableId, `truth table ${m.truthIndex} not found`).not.toBeNull();
      expect(a / c).toBeGreaterThanOrEqual(0.98);
    });
  }
  it('agrees on ≥ 98% of all cells', () => {
    if (cells > 0) console.log(`all seeds: ${agreeing}/${cells} = ${((100 * agreeing) / cells).toFixed(2)}%`);
    expect(cells === 0 || agreeing / cells >= 0.98).toBe(true);
  });
});
