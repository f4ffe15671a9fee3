/**
 * What a table is for, from its header words, unit, caption and the headings above it.
 *
 * Order matters: header words that name the table's purpose ("Aktivitet", "Status",
 * "Indikator", "Titel | Kön") decide first; then a money unit; then volume wording; then
 * budget words with numbers below them.
 */
import type { TableKind, Unit } from '../model/index.js';
import { isNumericCell } from '../normalize/number-sv.js';
import { bodyRows, headerCells, isRuleRow } from './header.js';

export interface KindInput {
  caption: string | null;
  rows: string[][];
  headerRows: number;
  unit: Unit | null;
  sectionTitles: string[];
}

/** Share of filled value cells that must be numbers before header words count as budget. */
const NUMERIC_SHARE_FOR_BUDGET = 0.5;
/** Share of row labels starting with "Antal" that makes an unlabelled table a volume table. */
const COUNT_LABEL_SHARE_FOR_VOLUME = 0.5;
/** How many of the nearest headings may announce a volume table. */
const NEAREST_SECTIONS = 2;

const ACTIVITY_HEADER = /^aktivitet(?:er)?(?!\p{L})/iu;
const STATUS_HEADER = /^(?:status\??|genomförd|genomfört|pågår|pågående|ej genomförd|ej påbörjad|klar|klart)$/iu;
const TASK_HEADER = /^(?:uppdrag|åtgärd|åtgärder|aktivitet|kontrollmoment)(?!\p{L})/iu;
/** A goal column over its assessment ("Nämndmål | Bedömning", Stratsys): a goal table. */
const GOAL_CORNER =
  /^(?:(?:nämnd|verksamhets|fullmäktige|inriktnings|effekt|resultat|förvaltnings)?mål|strategiskt mål|prioriterat mål|kommunfullmäktiges mål)$/iu;
const ASSESSMENT_HEADER = /^(?:bedömning|måluppfyllelse|status)$/iu;
const INDICATOR_CORNER = /^(?:indikator|nyckeltal|mått|titel|mätetal|resultatmått|resultatindikator)(?!\p{L})/iu;
const TARGET_HEADER = /^(?:målvärde|målnivå|mål|nivå)(?:\s+\S+)?$/iu;
const VOLUME_WORDS = /volymmått|verksamhetsmått|verksamhetsvolym|volymer/iu;
/** "Statistik" opening a caption, heading or corner cell: counts of visitors, loans, participants. */
const STATISTICS = /^statistik(?!\p{L})/iu;
/**
 * Budget words. Volume tables also print "Budget 2017" (Mölndal VOLYMMÅTT), so a table needs
 * at least MIN_BUDGET_WORDS different ones before its headers alone make it a budget table.
 */
const BUDGET_WORDS = [
  'budget', 'prognos', 'avvikelse', 'intäkt', 'kostnad', 'bokslut', 'kommunbidrag', 'utfall', 'resultat', 'differens',
];
const MIN_BUDGET_WORDS = 2;
/** Money words that indicator tables do not use; one of them must be present. */
const STRONG_BUDGET_WORD = /(?<!\p{L})(?:budget|prognos|avvikelse|intäkt|kostnad|bokslut|vårbokslut|kommunbidrag)/iu;
/** A period column: "2016", "2016-06-30", or "Budget 2017", "Utfall 2014", "Mål 2019". */
const YEAR_HEADER = /^(?:(?:utfall|budget|mål|målvärde|nivå|prognos)\s+)?(?:19|20)\d{2}(?:-\d{2}-\d{2})?$/iu;

export function classifyTableKind(t: KindInput): TableKind {
  const headers = headerCells(t.rows, t.headerRows);
  const filled = headers.filter((h) => h !== '');
  if (filled.some((h) => ACTIVITY_HEADER.test(h))) return 'activity_plan';
  if (isStatusTable(filled) || isGoalTable(t, headers)) return 'status';
  if (isIndicatorHeader(headers, filled)) return 'indicator';
  if (t.unit === 'tkr' || t.unit === 'mnkr') return 'budget';
  if (isVolume(t, filled)) return 'volume';
  const numericShare = valueNumericShare(t.rows, t.headerRows);
  if (hasBudgetWords(filled) && numericShare >= NUMERIC_SHARE_FOR_BUDGET) return 'budget';
  if (filled.length > 0 && filled.every((h) => YEAR_HEADER.test(h) || h === filled[0])) {
    if (numericShare >= NUMERIC_SHARE_FOR_BUDGET) return 'indicator';
  }
  return 'other';
}

function hasBudgetWords(filled: string[]): boolean {
  const text = filled.join(' ').toLowerCase();
  const distinct = BUDGET_WORDS.filter((w) => text.includes(w)).length;
  return distinct >= MIN_BUDGET_WORDS && STRONG_BUDGET_WORD.test(text);
}

function isStatusTable(filled: string[]): boolean {
  const statusColumns = filled.filter((h) => STATUS_HEADER.test(h)).length;
  const hasTask = filled.some((h) => TASK_HEADER.test(h));
  return (hasTask && statusColumns >= 1) || statusColumns >= 2;
}

/** A goal column and an assessment column, with words (or nothing) under them, not numbers. */
function isGoalTable(t: KindInput, headers: string[]): boolean {
  if (!GOAL_CORNER.test(headers[0] ?? '') || !headers.slice(1).some((h) => ASSESSMENT_HEADER.test(h))) return false;
  return valueNumericShare(t.rows, t.headerRows) < NUMERIC_SHARE_FOR_BUDGET;
}

function isIndicatorHeader(headers: string[], filled: string[]): boolean {
  const corner = headers[0] ?? '';
  if (INDICATOR_CORNER.test(corner)) return true;
  if (filled.some((h) => /^kön$/iu.test(h))) return true;
  return filled.some((h) => TARGET_HEADER.test(h)) && filled.some((h) => /^utfall/iu.test(h));
}

function isVolume(t: KindInput, filled: string[]): boolean {
  const near = [t.caption ?? '', ...t.sectionTitles.slice(-NEAREST_SECTIONS), ...filled];
  if (near.some((s) => VOLUME_WORDS.test(s) || STATISTICS.test(s.trim()))) return true;
  const labels = bodyRows(t.rows, t.headerRows)
    .map((r) => (r.cells[0] ?? '').trim())
    .filter((l) => l !== '');
  const counts = labels.filter((l) => /^antal(?!\p{L})/iu.test(l)).length;
  return labels.length > 0 && counts / labels.length >= COUNT_LABEL_SHARE_FOR_VOLUME;
}

/** Numbers among the filled cells right of the label column. */
function valueNumericShare(rows: string[][], headerRows: number): number {
  let filled = 0;
  let numeric = 0;
  for (const { cells } of bodyRows(rows, headerRows)) {
    if (isRuleRow(cells)) continue;
    for (const cell of cells.slice(1)) {
      if (cell.trim() === '') continue;
      filled++;
      if (isNumericCell(cell)) numeric++;
    }
  }
  return filled === 0 ? 0 : numeric / filled;
}
