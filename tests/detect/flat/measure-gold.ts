/**
 * Scores flattened text made from PDFs (fixtures/flat/, by scripts/make-flat-pdf.ts) against
 * hand-checked gold: fixtures/<name>/gold.json for the fixture PDFs, fixtures/real/*.gold.json
 * for the real ones. The text goes through the whole pipeline (buildDocument), and gold budget
 * cells are matched to budget records by src/eval's own matcher (label, column, value in tkr,
 * page ±1 where the gold cites pages), as `kommunrapport eval` does.
 *
 * Each record's certainty comes from the flat table it was read from. A record marked certain
 * is wrong when it stands where the gold looks (a complete kind, or a table with a gold hit)
 * and matches no gold cell.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CanonicalDocument } from '../../../src/model/index.js';
import { readText } from '../../../src/readers/text/read-text.js';
import { buildDocument } from '../../../src/pipeline/build.js';
import { detectToc } from '../../../src/detect/toc.js';
import { detectTables } from '../../../src/detect/tables.js';
import { findFlatTables, recordCertainty } from '../../../src/detect/flat/index.js';
import { parseGold } from '../../../src/eval/gold-schema.js';
import { budgetCells, budgetSpec, indicatorCells, recallCells, type GoldBudget } from '../../../src/eval/gold.js';
import { labelsMatch } from '../../../src/eval/text.js';

export interface GoldMiss { gold: string; hint: string | null }
export interface WrongCertain { page: number | null; line: number | null; label: string; column: string; text: string }

export interface GoldScore {
  values: number;
  right: number;
  /** Right values by the certainty of their record. */
  certain: number;
  inferred: number;
  certainWrong: WrongCertain[];
  misses: GoldMiss[];
  /** Gold values missed whose printed line carries no flat: warning. */
  unwarned: GoldMiss[];
}

/** The 1-based page of each line: pages are separated by form-feed lines. */
export function pageOfLines(text: string): number[] {
  const pages = [0];
  let page = 1;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line.includes('\f')) page++;
    pages.push(page);
  }
  return pages;
}

export function flatDocument(path: string): { doc: CanonicalDocument; text: string; certainty: ReturnType<typeof recordCertainty> } {
  const bytes = readFileSync(path);
  const text = bytes.toString('utf8');
  const src = readText(bytes).value;
  const doc = buildDocument(src, { path, sha256: createHash('sha256').update(bytes).digest('hex') }).value;
  const toc = detectToc(src.blocks);
  const tabs = detectTables(src.blocks, toc.blockIndices);
  const flat = findFlatTables(src.blocks, new Set([...toc.blockIndices, ...tabs.tables.flatMap((t) => t.blockIndices)]));
  return { doc, text, certainty: recordCertainty(doc, flat.tables) };
}

/**
 * `pages`: the gold cites PDF pages (real PDFs), so records get the page of their line. Gold
 * lines cite report.txt, not this text, and are dropped, as eval drops them for a PDF.
 */
export function scoreGold(textPath: string, goldPath: string, opts: { pages: boolean }): GoldScore {
  const { doc, text, certainty } = flatDocument(textPath);
  const pageOf = pageOfLines(text);
  const withPage = <T extends { line: number | null; page: number | null }>(r: T): T =>
    ({ ...r, page: opts.pages && r.line !== null ? pageOf[r.line] : null });
  const located = { ...doc, budget: doc.budget.map(withPage), indicators: doc.indicators.map(withPage), tables: doc.tables.map(withPage) };
  const goldFile = parseGold(readFileSync(goldPath, 'utf8'), goldPath);
  const gold = goldFile.gold.budget_values.map((g): GoldBudget => ({ ...g, line: null, page: opts.pages ? g.page : null }));
  // Each miss's `gold` is the index of its gold item, so misses can be traced to their rows.
  const s = recallCells('budget', gold.map(budgetSpec), gold.map((_, i) => String(i)), gold.map(() => null),
    budgetCells(located), indicatorCells(located), located.tables);
  const hits = new Set(s.hits ?? []);
  const out: GoldScore = { values: s.total, right: s.recalled, certain: 0, inferred: 0, certainWrong: [], misses: [], unwarned: [] };
  for (const k of hits) {
    if (certainty.budget[k] === 'inferred') out.inferred++;
    else if (certainty.budget[k] === 'certain') out.certain++;
  }
  const complete = goldFile.complete?.includes('budget') ?? false;
  const hitTables = new Set([...hits].map((k) => doc.budget[k].tableId));
  doc.budget.forEach((r, k) => {
    if (hits.has(k) || certainty.budget[k] !== 'certain' || r.value === null) return;
    if (complete || hitTables.has(r.tableId)) out.certainWrong.push({ page: located.budget[k].page, line: r.line, label: r.label, column: r.column, text: r.text });
  });
  const show = (g: GoldBudget) => `p${g.page ?? '?'} ${g.row} [${g.column ?? ''}] = ${g.text}`;
  out.misses = s.misses.map((m) => ({ gold: show(gold[Number(m.gold)]), hint: m.hint }));
  // A miss is warned about when a flat: warning near its page stands on a line that opens with
  // its row label, or quotes the printed row with the cell's text and the label's first word
  // (a row whose label wrapped around its cells: "Kultur- och  Ej aktuellt … arrangörsbidrag").
  const lines = text.split(/\r\n|\n|\r/);
  const warned = doc.warnings.filter((w) => w.code.startsWith('flat:') && w.line !== null)
    .map((w) => ({ page: opts.pages ? pageOf[w.line!] : null, text: lines[w.line! - 1], message: w.message }));
  const squash = (t: string) => t.replace(/\s+/g, '');
  out.unwarned = s.misses.filter((m) => {
    const g = gold[Number(m.gold)];
    return !warned.some((w) => (g.page == null || w.page == null || Math.abs(g.page - w.page) <= 1)
      && ([g.row, g.row_text].some((l) => l && labelsMatch(l, w.text.slice(0, l.length + 2)))
        || (squash(w.message).includes(squash(g.text)) && w.message.includes(g.row.split(' ')[0]))));
  }).map((m) => ({ gold: show(gold[Number(m.gold)]), hint: m.hint }));
  return out;
}
