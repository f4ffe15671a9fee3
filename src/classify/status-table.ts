/**
 * Status tables → goals. Two layouts in the seeds:
 * - a status column (Ale: "Status | Uppdrag | Status" with ✓ ▶ ⏸ — symbols and a text status);
 * - a matrix with one column per status (Mölndal internkontroll: Åtgärd | Genomförd | Pågår |
 *   Ej genomförd), the row's mark sitting in the column that applies.
 * - a goal table (Stratsys: "Nämndmål | Bedömning", "Verksamhetsmål | Bedömning"), each goal
 *   row maybe followed by a "Kommentar:" row, which is the goal's comment, not a goal.
 * Statuses of uppdrag and åtgärder read as assessments: done → met, ongoing → partly_met,
 * not started/stopped/not done → not_met. The printed text is kept in assessmentText.
 * A status column without text in any row (the report's assessments are images or icons)
 * leaves every assessment unknown, with one warning for the table.
 */
import type { Table } from '../model/document.js';
import type { Assessment, Goal } from '../model/records.js';
import { ok, type Result } from '../model/result.js';
import { warning, type Diagnostic } from '../model/diagnostic.js';
import { normalizeActivityStatus, normalizeAssessment } from '../normalize/status.js';

const STATUS_HEADER = /^(status|bedömning|måluppfyllelse)\b/i;
/** A goal's comment printed as a row of its own under it. */
const COMMENT_ROW = /^kommentar\s*:/iu;

export function statusAsAssessment(text: string): Assessment {
  const a = normalizeAssessment(text);
  if (a !== 'unknown') return a;
  switch (normalizeActivityStatus(text)) {
    case 'done': return 'met';
    case 'ongoing': case 'delayed': return 'partly_met';
    case 'not_started': case 'not_done': case 'stopped': return 'not_met';
    default: return 'unknown';
  }
}

export function extractStatusGoals(t: Table): Result<Goal[]> {
  const header = t.rows[Math.max(0, t.headerRows - 1)] ?? [];
  const body = t.rows.map((cells, row) => ({ cells, row })).slice(t.headerRows);
  const matrixCols = header.map((h, k) => (statusAsAssessment(h) !== 'unknown' && !STATUS_HEADER.test(h) ? k : -1)).filter((k) => k > 0);
  const diagnostics: Diagnostic[] = [];
  const textCol = longestTextColumn(t, matrixCols);
  const goals: Goal[] = [];
  const statusCols = header.map((h, k) => (STATUS_HEADER.test(h) && k !== textCol ? k : -1)).filter((k) => k >= 0);
  for (const { cells, row } of body) {
    const text = cells[textCol]?.trim();
    if (!text || isCommentRow(cells, textCol)) continue;
    let assessmentText: string | null = null;
    if (matrixCols.length >= 2) {
      const marked = matrixCols.filter((k) => cells[k]?.trim());
      if (marked.length === 1) assessmentText = header[marked[0]].trim();
      else if (marked.length > 1) diagnostics.push(warning('goal:ambiguous-status', `row ${row} of ${t.id} is marked in ${marked.length} status columns`, { page: t.page, line: t.rowLines[row] }));
    } else {
      // Prefer a worded status over a symbol column: the words say more than ✓/▶.
      const texts = statusCols.map((k) => cells[k]?.trim()).filter((s): s is string => !!s);
      assessmentText = texts.sort((a, b) => b.length - a.length)[0] ?? null;
    }
    goals.push({
      sectionId: t.sectionId, level: header[textCol]?.trim() || null, text, assessmentText,
      assessment: assessmentText ? statusAsAssessment(assessmentText) : 'unknown',
      tableId: t.id, page: t.page, line: t.rowLines[row] ?? null,
    });
  }
  const silent = matrixCols.length < 2 ? silentStatus(t, header, statusCols, goals) : null;
  return ok(goals, silent ? [...diagnostics, silent] : diagnostics);
}

function isCommentRow(cells: string[], textCol: number): boolean {
  return COMMENT_ROW.test(cells[textCol]!.trim()) && cells.every((c, k) => k === textCol || c.trim() === '');
}

/** Status columns that hold no text for any goal: images or icons in the report. */
function silentStatus(t: Table, header: string[], statusCols: number[], goals: Goal[]): Diagnostic | null {
  if (statusCols.length === 0 || goals.length === 0 || goals.some((g) => g.assessmentText !== null)) return null;
  const names = statusCols.map((k) => `"${header[k]!.trim()}"`).join(', ');
  return warning('goal:assessment-not-text',
    `Table ${t.id}: ${names} holds no text for ${goals.length === 1 ? 'its goal' : `any of its ${goals.length} goals`} (images or icons in the report); assessment left unknown`,
    { page: t.page, line: t.line });
}

function longestTextColumn(t: Table, exclude: number[]): number {
  const width = t.rows[0]?.length ?? 0;
  let best = 0;
  let bestLen = -1;
  for (let k = 0; k < width; k++) {
    if (exclude.includes(k)) continue;
    const len = t.rows.slice(t.headerRows).reduce((n, r) => n + (r[k]?.length ?? 0), 0);
    if (len > bestLen) { best = k; bestLen = len; }
  }
  return best;
}
