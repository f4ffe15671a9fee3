/**
 * Budget values: one record per filled numeric cell of a budget table (resultaträkning,
 * driftredovisning, investeringsredovisning). The first column holds the row label; each
 * other column's header says the measure and period.
 *
 * Values keep the sign as printed. Reports disagree on signs (Hjo prints income negative,
 * Alingsås costs negative), so normalising signs is left to whoever compares them.
 */
import type { BudgetValue, Diagnostic, Result, Table, Unit } from '../model/index.js';
import { ok, warning } from '../model/index.js';
import { cleanLabel } from '../normalize/markup.js';
import { isNoValueText, parseNumberSv } from '../normalize/number-sv.js';
import { budgetMeasure, periodOf } from './columns.js';
import { bodyRows, columnLabels, headerRowCount, isRuleRow } from './header.js';
import { RowPath, stripPartDash } from './row-path.js';
import { isCountColumn, toTkr } from './units.js';

/** Row labels that count people, hours or places: their numbers are not money. */
const NOT_MONEY_LABEL = /årsarbetare|(?<!\p{L})antal(?!\p{L})|(?<!\p{L})st(?!\p{L})|timmar|årsplatser|personer/iu;

/**
 * Count columns ("Antal 2023" beside "Bokslut 2023") are left to extractCountIndicators: their
 * numbers are not in the table's money unit.
 */
export function extractBudget(table: Table): Result<BudgetValue[]> {
  const columns = columnLabels(table.rows, table.headerRows);
  const money = (column: number) => !isCountColumn(columns[column] ?? '');
  const path = new RowPath();
  const records: BudgetValue[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { index, cells } of bodyRows(table.rows, headerRowCount(table.rows, table.headerRows))) {
    if (isRuleRow(cells)) continue;
    const printed = cleanLabel(cells[0] ?? '');
    const label = stripPartDash(printed);
    const valueCells = cells.slice(1).map((text, i) => ({ text, column: i + 1 })).filter((c) => money(c.column));
    const filled = valueCells.filter((c) => !parseNumberSv(c.text).empty);
    if (filled.length === 0) {
      if (label !== '') path.group(label);
      continue;
    }
    if (label === '') {
      const message = `Row ${index} of table ${table.id} has values but no label`;
      diagnostics.push(where(table, index, 'budget:unlabelled-row', message));
      continue;
    }
    const parents = path.place(printed);
    for (const { text, column } of filled) {
      const record = makeRecord(table, index, label, parents, columns[column] ?? '', text);
      if (record) records.push(record);
      else diagnostics.push(unparsed(table, index, columns[column] ?? `${column}`, text));
    }
  }
  return ok(records, diagnostics);
}

function makeRecord(
  table: Table,
  row: number,
  label: string,
  parents: string[],
  column: string,
  text: string,
): BudgetValue | null {
  const parsed = parseNumberSv(text);
  // "Ej aktuellt" is a printed fact about the cell (no value), other text is not a budget value.
  if (parsed.value === null && !isNoValueText(text)) return null;
  const measure = budgetMeasure(column);
  const unit = cellUnit(parsed.unit, label, table.unit);
  return {
    tableId: table.id,
    row,
    label,
    path: [...parents, label],
    column,
    measure,
    period: periodOf(column, { forecast: measure === 'forecast' }),
    text: text.trim(),
    value: parsed.value,
    unit,
    valueTkr: toTkr(parsed.value, unit),
    page: table.page,
    line: table.rowLines[row] ?? null,
  };
}

/** The cell's own unit wins; a row that counts things has no money unit. */
function cellUnit(printed: Unit | null, label: string, tableUnit: Unit | null): Unit | null {
  if (printed !== null) return printed;
  if (NOT_MONEY_LABEL.test(label)) return null;
  return tableUnit;
}

function unparsed(table: Table, row: number, column: string, text: string): Diagnostic {
  const message = `Cell "${text.trim()}" in table ${table.id}, row ${row}, column "${column}" is not a number`;
  return where(table, row, 'budget:unparsed-cell', message);
}

function where(table: Table, row: number, code: string, message: string): Diagnostic {
  return warning(code, message, { page: table.page, line: table.rowLines[row] ?? null });
}
