/**
 * SourceDoc → CanonicalDocument: the ordered detector stages, then the classifiers.
 * Pure: no I/O, so every reader's output goes through exactly the same logic.
 */
import type { Block, SourceDoc } from '../model/source-doc.js';
import {
  CanonicalDocument, SCHEMA_VERSION, tableId, type Section, type Source, type Table,
} from '../model/document.js';
import type { Activity, BudgetValue, Goal, Indicator } from '../model/records.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { ok, type Result } from '../model/result.js';
import { detectToc } from '../detect/toc.js';
import { joinParagraphs } from '../detect/paragraphs.js';
import { detectTables, type DetectedTable } from '../detect/tables.js';
import { findFlatTables, markCertainty } from '../detect/flat/index.js';
import { buildSections, detectHeadings, sectionHeadings } from '../detect/headings.js';
import { docStats } from '../detect/stats.js';
import { detectGoals } from '../detect/goals.js';
import {
  classifyTableKind, detectUnit, extractActivities, extractBudget, extractCountIndicators, extractIndicators, checkArithmetic,
} from '../classify/index.js';
import { extractStatusGoals, statusAsAssessment } from '../classify/status-table.js';
import { detectMeta } from '../meta/detect-meta.js';

export interface BuildInfo {
  path: string;
  sha256: string;
}

export function buildDocument(src: SourceDoc, info: BuildInfo): Result<CanonicalDocument> {
  const diagnostics: Diagnostic[] = [];
  // PDF readers give printed lines; join wrapped lines into paragraphs first.
  const blocks = src.format === 'pdf' ? joinParagraphs(src.blocks) : src.blocks;
  const toc = detectToc(blocks);
  const detected = detectTables(blocks, toc.blockIndices);
  diagnostics.push(...detected.diagnostics);
  // Lines without tabs holding a table whose column gaps were flattened or lost (issue 9).
  const flat = findFlatTables(blocks, new Set([...toc.blockIndices, ...detected.tables.flatMap((t) => t.blockIndices)]));
  diagnostics.push(...flat.diagnostics);
  detected.tables.push(...flat.tables.map((t) => t.table));
  detected.tables.sort((a, b) => (a.blockIndices[0] ?? 0) - (b.blockIndices[0] ?? 0));
  const inTable = new Set(detected.tables.flatMap((t) => t.blockIndices));
  const skip = new Set([...toc.blockIndices, ...inTable]);
  const heads = detectHeadings(blocks, skip, toc.entries, docStats(blocks));
  const sections = buildSections(heads, blocks);
  const sectionAt = sectionLocator(sectionHeadings(heads).map((h) => h.blockIndex), sections);

  const goalsFromText = detectGoals(blocks, skip, new Map(heads.map((h) => [h.blockIndex, h.kind])), sectionAt, statusAsAssessment, diagnostics);
  const tables = detected.tables.map((t, k) => toTable(t, k, sections, sectionAt));
  const records = classifyTables(tables, detected.tables, goalsFromText, blocks, diagnostics);

  const metaResult = detectMeta({
    lines: metaLines(blocks),
    metaTitle: src.metaTitle,
    fileName: info.path,
  });
  diagnostics.push(...metaResult.diagnostics);

  const source: Source = { path: info.path, sha256: info.sha256, format: src.format, pages: src.pageCount, ocr: src.ocr };
  const doc: CanonicalDocument = {
    schemaVersion: SCHEMA_VERSION,
    source,
    meta: metaResult.value,
    sections,
    tables,
    activities: records.activities,
    indicators: records.indicators,
    budget: records.budget,
    goals: [...goalsFromText, ...records.goals].sort(byPosition),
    warnings: diagnostics,
  };
  // Values read from flattened tables say how sure their split is (issue 9).
  return ok(CanonicalDocument.parse(markCertainty(doc, flat.tables)));
}

/**
 * Lines for metadata: the title page and the municipality mentions of the body. Long lines are
 * cut and very long documents sampled from the start, so a 50 MB file or a 300 kB line without
 * a break does not spend minutes on fuzzy name matching.
 */
const META_MAX_LINES = 5000;
const META_MAX_CHARS = 400;

/** A cell holding a sentence (six words or more), not a label or a number. */
const PROSE_CELL = /(?:\p{L}+[^\p{L}]+){5}\p{L}/u;

function metaLines(blocks: Block[]): { text: string; page: number | null; line: number | null }[] {
  const out: { text: string; page: number | null; line: number | null }[] = [];
  for (const b of blocks) {
    if (out.length >= META_MAX_LINES) break;
    if (b.kind === 'line') out.push({ text: b.text.slice(0, META_MAX_CHARS), page: b.page, line: b.line });
    // Prose in table cells (Stratsys goal comments) mentions the nämnd too; numbers never do.
    else for (const row of b.rows) {
      for (const c of row) if (PROSE_CELL.test(c.text)) out.push({ text: c.text.slice(0, META_MAX_CHARS), page: b.page, line: b.line });
    }
  }
  return out;
}

/** The section a block falls in: the last heading at or before it. */
function sectionLocator(headingBlocks: number[], sections: Section[]): (i: number) => string | null {
  return (i) => {
    let found: string | null = null;
    for (let k = 0; k < headingBlocks.length && headingBlocks[k] <= i; k++) found = sections[k].id;
    return found;
  };
}

function toTable(t: DetectedTable, k: number, sections: Section[], sectionAt: (i: number) => string | null): Table {
  const header = t.rows.slice(0, t.headerRows).flat();
  const unit = detectUnit(t.caption, header);
  const sectionId = sectionAt(t.blockIndices[0] ?? 0);
  const sectionTitles = sectionPath(sectionId, sections);
  const base = {
    id: tableId(k), sectionId, caption: t.caption, unit, page: t.page, pageEnd: t.pageEnd, line: t.line,
    headerRows: t.headerRows, rows: t.rows, rowLines: t.rowLines,
  };
  return { ...base, kind: classifyTableKind({ caption: t.caption, rows: t.rows, headerRows: t.headerRows, unit, sectionTitles }) };
}

function sectionPath(id: string | null, sections: Section[]): string[] {
  const out: string[] = [];
  let cur = sections.find((s) => s.id === id);
  while (cur) {
    out.unshift(cur.title);
    cur = sections.find((s) => s.id === cur!.parentId);
  }
  return out;
}

interface Records { activities: Activity[]; indicators: Indicator[]; budget: BudgetValue[]; goals: Goal[] }

function classifyTables(
  tables: Table[], detected: DetectedTable[], goals: Goal[], blocks: Block[], diagnostics: Diagnostic[],
): Records {
  const out: Records = { activities: [], indicators: [], budget: [], goals: [] };
  tables.forEach((t, k) => {
    const goal = goalBefore(goals, detected[k], blocks);
    const take = <T>(r: Result<T[]>, into: T[]) => { into.push(...r.value); diagnostics.push(...r.diagnostics); };
    switch (t.kind) {
      case 'activity_plan': take(extractActivities(t, { goal }), out.activities); break;
      case 'indicator': case 'volume': take(extractIndicators(t), out.indicators); break;
      case 'budget': {
        const r = extractBudget(t);
        take(r, out.budget);
        // "Antal" columns beside the money columns are counts: indicators, not tkr.
        take(extractCountIndicators(t), out.indicators);
        diagnostics.push(...checkArithmetic(t, r.value));
        break;
      }
      case 'status': take(extractStatusGoals(t), out.goals); break;
      default: break;
    }
  });
  return out;
}

/** The goal an aktivitetsplan belongs to: the last goal opened above the table. */
function goalBefore(goals: Goal[], t: DetectedTable, blocks: Block[]): string | null {
  const first = blocks[t.blockIndices[0]];
  const line = first?.kind === 'line' ? first.line : null;
  const page = first?.page ?? null;
  let found: Goal | null = null;
  for (const g of goals) {
    const before = line !== null && g.line !== null ? g.line < line : page !== null && g.page !== null ? g.page <= page : false;
    if (before) found = g;
  }
  return found?.text ?? null;
}

function byPosition(a: Goal, b: Goal): number {
  return (a.page ?? 0) - (b.page ?? 0) || (a.line ?? 0) - (b.line ?? 0);
}
