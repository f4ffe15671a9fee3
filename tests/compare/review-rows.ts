/** The rows of docs/mapping-review.md: every budget row of the seeds with its mapping. */
import type { ReadableDb } from '../../src/store/open.js';

export const REVIEW_COLUMNS = ['municipality', 'table', 'row', 'label', 'area', 'line', 'method', 'score'] as const;

export function reviewRows(db: ReadableDb): string[][] {
  const rows = db.prepare(`
    SELECT d.municipality, m.table_id, m.row, m.label,
      coalesce(m.area, CASE WHEN m.area_group = 'hela' THEN '(hela)' END, '') AS area,
      coalesce(m.line, '') AS line, m.method, m.score
    FROM budget_row_map m JOIN documents d ON d.id = m.document_id
    ORDER BY d.municipality, CAST(substr(m.table_id, 10) AS INTEGER), m.row`).raw(true).all() as unknown[][];
  return rows.map((r) => r.map((c) => String(c ?? '')));
}
