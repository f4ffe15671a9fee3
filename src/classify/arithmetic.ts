/**
 * Cross-checks inside a budget table, so users know which numbers to trust:
 * - a Summa/Totalt row equals the rows above it (back to the previous sum or group row),
 *   "varav"/"därav" rows excluded because they are parts of a row already counted;
 * - a deviation column equals the difference of two other columns in its row (either sign:
 *   "Budget − Prognos" and "Prognos − Budget" are both in use);
 * - Intäkt + Kostnad (+ Kommunbidrag) = Resultat, with costs printed negative or positive.
 *
 * Printed numbers are rounded, so each comparison allows half a unit of the last printed
 * digit per number involved.
 */
import type { BudgetValue, Diagnostic, Table } from '../model/index.js';
import { warning } from '../model/index.js';
import { cleanLabel } from '../normalize/markup.js';
import { bodyRows, headerRowCount, isRuleRow } from './header.js';
import { rowRole } from './row-path.js';

/** Each rounded number may be off by half its last printed digit. */
const ROUNDING_PER_NUMBER = 0.5;

type Row = Map<string, BudgetValue>;

export function checkArithmetic(table: Table, records: BudgetValue[]): Diagnostic[] {
  const byRow = new Map<number, Row>();
  // Cells printed as "Ej aktuellt" carry no number to check.
  for (const r of records.filter((r) => r.tableId === table.id && r.value !== null)) {
    if (!byRow.has(r.row)) byRow.set(r.row, new Map());
    byRow.get(r.row)!.set(r.column, r);
  }
  const perRow = [...byRow.values()].flatMap((row) => [...checkDeviations(row), ...checkResult(row)]);
  return [...checkSums(table, byRow), ...perRow];
}

function checkSums(table: Table, byRow: Map<number, Row>): Diagnostic[] {
  const out: Diagnostic[] = [];
  let parts: Row[] = [];
  for (const { index, cells } of bodyRows(table.rows, headerRowCount(table.rows, table.headerRows))) {
    if (isRuleRow(cells)) continue;
    const row = byRow.get(index);
    if (!row) {
      // A label without values heads a new group; its rows are summed on their own.
      if (cleanLabel(cells[0] ?? '') !== '') parts = [];
      continue;
    }
    const role = rowRole(cleanLabel(cells[0] ?? ''));
    if (role === 'main') parts.push(row);
    if (role !== 'sum') continue;
    if (parts.length >= 2) out.push(...compareSum(row, parts));
    parts = [];
  }
  return out;
}

function compareSum(total: Row, parts: Row[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [column, sum] of total) {
    const terms = parts.map((p) => p.get(column)).filter((v): v is BudgetValue => v !== undefined);
    if (terms.length === 0) continue;
    const expected = terms.reduce((acc, t) => acc + t.value!, 0);
    if (!within(sum.value! - expected, [sum, ...terms])) {
      out.push(warning('budget:sum-mismatch',
        `"${sum.label}" is ${sum.text} in column "${column}" but the ${terms.length} rows above add up to ${round(expected)}`,
        { page: sum.page, line: sum.line }));
    }
  }
  return out;
}

function checkDeviations(row: Row): Diagnostic[] {
  const values = [...row.values()];
  const others = values.filter((v) => ['outcome', 'budget', 'forecast'].includes(v.measure) && v.unit !== '%');
  if (others.length < 2) return [];
  return values
    .filter((d) => d.measure === 'deviation')
    .filter((d) => !others.some((a) => others.some((b) => a !== b && isDifference(d, a, b))))
    .map((d) => warning('budget:deviation-mismatch',
      `"${d.label}" ${d.text} in column "${d.column}" is not the difference of any two of ` +
        others.map((o) => `"${o.column}"`).join(', '),
      { page: d.page, line: d.line }));
}

function isDifference(d: BudgetValue, a: BudgetValue, b: BudgetValue): boolean {
  return within(d.value! - (a.value! - b.value!), [d, a, b]);
}

function checkResult(row: Row): Diagnostic[] {
  const values = [...row.values()];
  const one = (m: string) => {
    const found = values.filter((v) => v.measure === m);
    return found.length === 1 ? found[0] : null;
  };
  const [revenue, cost, grant, result] = [one('revenue'), one('cost'), one('grant'), one('result')];
  if (!revenue || !result) return [];
  const terms = [revenue, cost, grant, result].filter((v): v is BudgetValue => v !== null);
  const base = revenue.value! + (grant?.value ?? 0) - result.value!;
  const costValue = cost?.value ?? 0;
  if (within(base + costValue, terms) || within(base - costValue, terms)) return [];
  const parts = [`revenue ${revenue.text}`, cost && `cost ${cost.text}`, grant && `grant ${grant.text}`].filter(Boolean);
  return [warning('budget:result-mismatch', `"${result.label}" result ${result.text} is not ${parts.join(' plus ')}`,
    { page: result.page, line: result.line })];
}

function within(difference: number, numbers: BudgetValue[]): boolean {
  const digit = Math.max(...numbers.map((n) => lastDigit(n.text)));
  return Math.abs(difference) <= ROUNDING_PER_NUMBER * numbers.length * digit + 1e-9;
}

/** Value of one unit in the last printed digit: "124,8" → 0.1, "1 060" → 1. */
function lastDigit(text: string): number {
  const decimals = /,(\d+)/.exec(text)?.[1].length ?? 0;
  return 10 ** -decimals;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
