/**
 * Indicators (nyckeltal, mått, volymmått) from indicator and volume tables.
 *
 * Layouts in the seeds: a name column (Indikator/Titel/Mått/Verksamhetsmått, or blank),
 * optionally a Kön column and a grouping column to its left (Ale's "Verksamhet", printed
 * once per group), then one column per period and kind ("Utfall 2016", "Nivå 2017",
 * "Budget 2017", a bare year). Assessment columns (Bedömning, Måluppfyllelse) are text about
 * the values, not values, and are skipped.
 */
import type { Diagnostic, Indicator, IndicatorValue, Result, Table } from '../model/index.js';
import { ok, warning } from '../model/index.js';
import { cleanLabel, stripEmphasis } from '../normalize/markup.js';
import { parseNumberSv } from '../normalize/number-sv.js';
import { indicatorKind, periodOf } from './columns.js';
import { bodyRows, columnLabels, headerRowCount, isRuleRow } from './header.js';
import { RowPath, stripPartDash } from './row-path.js';

const NAME_HEADER =
  /^(?:indikator|nyckeltal|mått|titel|verksamhetsmått|mätetal|resultatmått|resultatindikator)(?!\p{L})/iu;
const GENDER_HEADER = /^kön$/iu;
const SKIPPED_HEADER = /^(?:bedömning|måluppfyllelse|kommentar|analys|trend|status|källa)(?!\p{L})/iu;
/** "KB = kommunens boenden": a legend whose values qualify the row above (Hjo line 227). */
const LEGEND_ROW = /^\S{1,12}\s*=\s*\S/u;
/** Remarks set in the table's first column (Alingsås line 230). */
const REMARK_ROW = /^(?:kommentar|anm\.?|not|källa)\s*:/iu;
const GENDERS: Record<string, Indicator['gender']> = {
  alla: 'all', totalt: 'all', total: 'all', samtliga: 'all',
  kvinnor: 'women', kvinna: 'women', k: 'women', flickor: 'women',
  män: 'men', man: 'men', m: 'men', pojkar: 'men',
};

interface Layout {
  name: number;
  gender: number | null;
  values: Array<{ index: number; column: string }>;
  source: string | null;
}

export function extractIndicators(table: Table): Result<Indicator[]> {
  const headerCount = headerRowCount(table.rows, table.headerRows);
  const layout = findLayout(table, columnLabels(table.rows, table.headerRows));
  const header = (table.rows[headerCount - 1] ?? []).map(stripEmphasis).join('\t');
  const path = new RowPath();
  const groupCells: string[] = [];
  const out: Indicator[] = [];
  const diagnostics: Diagnostic[] = [];
  let source = layout.source;
  let first = true;

  for (const { index, cells } of bodyRows(table.rows, headerCount)) {
    if (isRuleRow(cells) || cells.every((c) => c.trim() === '')) continue;
    if (cells.map(stripEmphasis).join('\t') === header) continue; // header repeated after a page break
    updateGroups(groupCells, cells, layout.name);
    const printed = cleanLabel(cells[layout.name] ?? '');
    const name = stripPartDash(printed);
    const values = readValues(table, layout, cells, name, [...groupCells, ...path.peek()]);
    const isFirst = first;
    first = false;
    if (REMARK_ROW.test(name)) continue;
    if (values === null) {
      // "Indikator:" with the source on the next line (Hjo lines 137-138).
      if (isFirst && source === '') source = name;
      else if (name !== '') path.group(name);
      continue;
    }
    if (name === '') {
      const message = `Row ${index} of table ${table.id} has values but no name`;
      diagnostics.push(warning('indicator:orphan-values', message, where(table, index)));
      continue;
    }
    const previous = out.at(-1);
    // A legend row ("KB = kommunens boenden") qualifies the row above: it becomes its own
    // indicator under that row, so each value keeps the line it was printed on.
    const parents = LEGEND_ROW.test(name) && previous ? [...previous.path, previous.name] : path.place(printed);
    out.push({
      tableId: table.id,
      row: index,
      name,
      path: [...groupCells, ...parents],
      source: source === '' ? null : source,
      gender: layout.gender === null ? null : genderOf(cells[layout.gender] ?? ''),
      values,
      ...where(table, index),
    });
  }
  return ok(out, diagnostics);
}

function findLayout(table: Table, columns: string[]): Layout {
  const named = columns.findIndex((c) => NAME_HEADER.test(c));
  const name = named >= 0 ? named : 0;
  const gender = columns.findIndex((c) => GENDER_HEADER.test(c));
  const values = columns
    .map((column, index) => ({ index, column }))
    .filter(({ index, column }) => index > name && index !== gender && !SKIPPED_HEADER.test(column));
  return { name, gender: gender >= 0 ? gender : null, values, source: sourceOf(columns[name] ?? '') };
}

/** "Indikator: SKLs öppna jämförelser" → the source; "Indikator:" alone → '' (look below). */
function sourceOf(corner: string): string | null {
  const m = /^indikator\s*:\s*(.*)$/iu.exec(corner);
  return m ? m[1].trim() : null;
}

/** Columns left of the name column group rows: a printed cell holds until the next one. */
function updateGroups(groupCells: string[], cells: string[], nameColumn: number): void {
  for (let c = 0; c < nameColumn; c++) {
    const text = cleanLabel(cells[c] ?? '');
    if (text !== '') {
      groupCells.length = c;
      groupCells.push(text);
    }
  }
}

/** The row's values, or null when every value cell is blank (a group row). */
function readValues(
  table: Table, layout: Layout, cells: string[], name: string, path: string[],
): IndicatorValue[] | null {
  const printed = layout.values.filter(({ index }) => (cells[index] ?? '').trim() !== '');
  if (printed.length === 0) return null;
  const out: IndicatorValue[] = [];
  for (const { index, column } of printed) {
    const text = cells[index].trim();
    const parsed = parseNumberSv(text);
    if (parsed.empty) continue; // "-": nothing measured for this period
    const kind = indicatorKind(column);
    const period = periodOf(column, { forecast: kind === 'forecast' });
    // A unit printed in a label applies to numbers, not to "Inga uppg." in the same row.
    const unit = parsed.value === null ? null : parsed.unit ?? unitFromLabels([name, ...path.slice().reverse()]) ?? table.unit;
    out.push({ period, kind, column, text, value: parsed.value, unit, note: parsed.note });
    if (parsed.reference !== null) {
      out.push({ period, kind: 'reference', column, text, value: parsed.reference, unit, note: null });
    }
  }
  return out;
}

/** A unit printed in the row name or a group heading: "(mnkr)", ", tkr", "i procent". */
export function unitFromLabels(labels: string[]): string | null {
  for (const label of labels) {
    const inParens = /\((mnkr|mkr|tkr|kr|%)\)/iu.exec(label)?.[1];
    const atEnd = /(?:,|\s)(mnkr|mkr|tkr|kr|%)\s*\.?$/iu.exec(label)?.[1];
    const unit = inParens ?? atEnd ?? (/(?<!\p{L})i procent(?!\p{L})/iu.test(label) ? '%' : null);
    if (unit) return unit.toLowerCase() === 'mkr' ? 'mnkr' : unit.toLowerCase();
  }
  return null;
}

function genderOf(cell: string): Indicator['gender'] {
  return GENDERS[cleanLabel(cell).toLowerCase()] ?? null;
}

function where(table: Table, row: number): { page: number | null; line: number | null } {
  return { page: table.page, line: table.rowLines[row] ?? null };
}
