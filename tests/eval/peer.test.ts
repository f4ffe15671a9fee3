import { describe, expect, it } from 'vitest';
import {
  adjacencyPRF, contentPRF, numericRecall, rowAlignedAgreement, scorePeerTable, summariseSuite, failedPair,
} from '../../src/eval/peer.js';

const exp = [['Year', 'Total'], ['2019', '1 234'], ['2020', '2,5']];

describe('peer table scoring (score_tables.py idea)', () => {
  it('content F1 ignores whitespace and case', () => {
    expect(contentPRF(exp, [['year', 'TOTAL'], ['2019', '1234'], ['2020', '2,5']]).f).toBe(1);
    const c = contentPRF(exp, [['Year', 'Total'], ['2019', '1234']]);
    expect(c.p).toBe(1);
    expect(c.r).toBeCloseTo(4 / 6);
  });
  it('adjacency rewards the grid, not just the words', () => {
    const shuffled = [['Year', '2019'], ['Total', '1 234'], ['2020', '2,5']];
    expect(contentPRF(exp, shuffled).f).toBe(1);
    expect(adjacencyPRF(exp, shuffled).f).toBeLessThan(0.5);
    expect(adjacencyPRF(exp, exp).f).toBe(1);
  });
  it('numeric recall counts money/count cells only', () => {
    expect(numericRecall(exp, [['2019', '1234']])).toBeCloseTo(2 / 4);
    expect(numericRecall([['a', 'b']], [])).toBeNull();
  });
  it('row-aligned agreement tolerates a column shift', () => {
    expect(rowAlignedAgreement(exp, exp.map((r) => ['', ...r]))).toBe(1);
    expect(rowAlignedAgreement(exp, [['Year', 'Total']])).toBeCloseTo(2 / 6);
  });
  it('picks the best table on the expected page only', () => {
    const s = scorePeerTable({ page: 2, rows: exp }, 0, [{ page: 1, rows: exp }, { page: 2, rows: [['Year', 'Total']] }]);
    expect(s.found).toBe(true);
    expect(s.contentF1).toBeCloseTo(2 * (1 * (2 / 6)) / (1 + 2 / 6));
    const multi = scorePeerTable({ page: 3, rows: exp }, 0, [{ page: 2, pageEnd: 4, rows: exp }]);
    expect(multi.contentF1).toBe(1);
    const none = scorePeerTable({ page: 5, rows: exp }, 0, [{ page: 1, rows: exp }]);
    expect(none.found).toBe(false);
    expect(none.contentF1).toBe(0);
  });
  it('area-limited expectations score recall only', () => {
    const s = scorePeerTable({ page: 1, rows: exp, area_tlbr: [0, 0, 100, 100] }, 0, [{ page: 1, rows: [...exp, ['other', 'stuff'], ['more', 'rows']] }]);
    expect(s.kind).toBe('area');
    expect(s.contentF1).toBe(1);
    expect(s.adjacencyF1).toBe(1);
  });
  it('partial assertions: rows and cells (negative = from the end) with column shift', () => {
    const pred = [{ page: 1, rows: [['', 'Alabama', 'x', '71,137'], ['', 'Wyoming', 'y', '5,017']] }];
    const s = scorePeerTable({ page: 1, rows: [], partial: true, cells: [{ row: 0, col: 0, text: 'Alabama' }, { row: 0, col: 2, text: '71,137' }, { row: -1, col: -1, text: '5,017' }] }, 0, pred);
    expect(s.kind).toBe('partial');
    expect(s.score).toBe(1);
    const half = scorePeerTable({ page: 1, rows: [['Alabama', 'nope']], partial: true }, 0, pred);
    expect(half.score).toBe(0.5);
  });
  it('count expectations compare table and row counts', () => {
    const pred = [{ page: 1, rows: [['a'], ['b']] }, { page: 1, rows: [['c']] }];
    expect(scorePeerTable({ page: 1, rows: [], partial: true, expect_table_count: 2, expect_row_counts: [2, 1] }, 0, pred).score).toBe(1);
    expect(scorePeerTable({ page: 1, rows: [], partial: true, expect_table_count: 3 }, 0, pred).score).toBe(0);
  });
  it('a failed PDF scores zero and counts in the suite', () => {
    const f = failedPair({ pdf: 'x.pdf', tables: [{ page: 1, rows: exp }] });
    const ok = scorePeerTable({ page: 1, rows: exp }, 0, [{ page: 1, rows: exp }]);
    const s = summariseSuite('s', [{ failed: true, scores: f }, { failed: false, scores: [ok] }]);
    expect(s.failed).toBe(1);
    expect(s.tables).toBe(2);
    expect(s.found).toBe(1);
    expect(s.contentF1).toBe(0.5);
  });
});
