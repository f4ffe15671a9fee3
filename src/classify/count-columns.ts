/**
 * Count columns of a money table become indicators. Simrishamn's Bidrag tables print
 * "Bokslut 2023 … Budget 2025" in tkr and then "Antal 2023 … Antal 2025", the number of
 * grants: one table, two kinds of record. The budget side skips these columns (budget.ts);
 * this reads them as an indicator table of the row labels and the count columns alone.
 */
import type { Indicator, Result, Table } from '../model/index.js';
import { ok } from '../model/index.js';
import { columnLabels } from './header.js';
import { extractIndicators } from './indicators.js';
import { isCountColumn } from './units.js';

/** What the values of a count column are, when the header does not say more than "Antal". */
export const COUNT_UNIT = 'antal';

export function extractCountIndicators(table: Table): Result<Indicator[]> {
  const columns = columnLabels(table.rows, table.headerRows);
  const counts = columns.map((c, k) => (k > 0 && isCountColumn(c) ? k : -1)).filter((k) => k > 0);
  if (counts.length === 0) return ok([]);
  const keep = [0, ...counts];
  const view: Table = { ...table, unit: null, rows: table.rows.map((r) => keep.map((k) => r[k] ?? '')) };
  const found = extractIndicators(view);
  const indicators = found.value.map((i) => ({
    ...i, values: i.values.map((v) => ({ ...v, unit: v.value === null ? v.unit : v.unit ?? COUNT_UNIT })),
  }));
  return ok(indicators, found.diagnostics);
}
