/**
 * Scores flat-table recovery against the tab-separated seed, which is the truth for both
 * flattened variants: every budget value of the seed's golden document (row label, column,
 * value) must come back at the same source line and column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CanonicalDocument } from '../../../src/model/index.js';
import { readText } from '../../../src/readers/text/read-text.js';
import { detectToc } from '../../../src/detect/toc.js';
import { detectTables } from '../../../src/detect/tables.js';
import { findFlatTables, type FlatDetection } from '../../../src/detect/flat/index.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { columnLabels } from '../../../src/classify/header.js';
import { cleanCell } from '../../../src/normalize/markup.js';
import { parseNumberSv } from '../../../src/normalize/number-sv.js';

export type Variant = 'flat' | 'glued';

export interface Miss { line: number; label: string; column: string; want: string; got: string | null; certainty: string | null }

export interface Score {
  values: number;
  right: number;
  /** Right values by certainty of the recovered cell. */
  certain: number;
  inferred: number;
  /** Cells marked certain whose text differs from the seed's cell (any table, not only budget). */
  certainWrong: Array<{ line: number; column: string; want: string; got: string }>;
  misses: Miss[];
  /** Budget rows (by line) whose values did not all come back right: each must carry a flat: warning. */
  rowsWithoutWarning: number[];
}

const norm = (s: string) => cleanCell(s).text.replace(/\s+/g, ' ').trim();

/**
 * A column by its lowest header cell and which occurrence of that name it is ("Budget#2"), so
 * a recovered table is compared by column name: plain text cannot show a second label column
 * (Ale's "Verksamhet | Verksamhetsmått"), which shifts indices but not names.
 */
function occurrence(header: string[], col: number): string {
  const name = header[col];
  return `${name}#${header.slice(0, col).filter((h) => h === name).length}`;
}

export function expectedDoc(name: string): CanonicalDocument {
  return JSON.parse(readFileSync(join('fixtures', name, 'report.txt.expected.json'), 'utf8')) as CanonicalDocument;
}

export function recover(name: string, variant: Variant): { found: FlatDetection[]; diagnostics: Diagnostic[] } {
  const src = readText(readFileSync(join('fixtures', 'flat', name, `${variant}.txt`))).value;
  const toc = detectToc(src.blocks);
  const tabs = detectTables(src.blocks, toc.blockIndices);
  const skip = new Set([...toc.blockIndices, ...tabs.tables.flatMap((t) => t.blockIndices)]);
  const r = findFlatTables(src.blocks, skip);
  return { found: r.tables, diagnostics: r.diagnostics };
}

interface Got { label: string; column: string; text: string; certainty: string }

export function score(name: string, variant: Variant): Score {
  const doc = expectedDoc(name);
  const { found, diagnostics } = recover(name, variant);
  // Recovered cells by source line and column index (1 = first value column).
  const got = new Map<string, Got>();
  for (const { table, flat } of found) {
    const header = table.rows[table.headerRows - 1].map(norm);
    flat.rows.forEach((r, k) => {
      const line = table.rowLines[table.headerRows + k];
      if (line === null || !r.cells) return;
      r.cells.forEach((c, j) => got.set(`${line}:${occurrence(header, j + 1)}`, { label: r.label, column: header[j + 1], text: c.text, certainty: c.certainty }));
    });
  }
  const s: Score = { values: 0, right: 0, certain: 0, inferred: 0, certainWrong: [], misses: [], rowsWithoutWarning: [] };
  const badRows = new Set<number>();
  for (const rec of doc.budget) {
    const t = doc.tables.find((x) => x.id === rec.tableId)!;
    const line = t.rowLines[rec.row]!;
    const labels = columnLabels(t.rows, t.headerRows);
    const col = labels.findIndex((l, c) => c > 0 && l === rec.column && t.rows[rec.row][c].trim() === rec.text);
    const lowest = norm(t.rows[t.headerRows - 1][col]);
    s.values++;
    const g = got.get(`${line}:${occurrence(t.rows[t.headerRows - 1].map(norm), col)}`);
    const ok = g !== undefined && norm(g.label) === norm(t.rows[rec.row][0]) && norm(g.column) === lowest
      && g.text !== '' && parseNumberSv(g.text).value === rec.value;
    if (ok) {
      s.right++;
      if (g.certainty === 'certain') s.certain++; else s.inferred++;
    } else {
      badRows.add(line);
      s.misses.push({ line, label: rec.label, column: rec.column, want: rec.text, got: g?.text ?? null, certainty: g?.certainty ?? null });
    }
  }
  // Certain cells against the seed's grid, any table kind.
  const seedRows = new Map<number, Map<string, string>>();
  for (const t of doc.tables) {
    const header = t.rows[t.headerRows - 1].map(norm);
    t.rows.forEach((cells, k) => {
      if (t.rowLines[k] === null || k < t.headerRows) return;
      seedRows.set(t.rowLines[k]!, new Map(cells.map((c, j) => [occurrence(header, j), c])));
    });
  }
  for (const [key, g] of got) {
    if (g.certainty !== 'certain' || g.text === '') continue;
    const line = Number(key.split(':')[0]);
    const want = seedRows.get(line)?.get(key.slice(key.indexOf(':') + 1));
    if (want === undefined) continue;
    if (norm(want) !== norm(g.text)) s.certainWrong.push({ line, column: g.column, want, got: g.text });
  }
  const warned = new Set(diagnostics.filter((d) => d.code.startsWith('flat:')).map((d) => d.line));
  s.rowsWithoutWarning = [...badRows].filter((l) => !warned.has(l)).sort((a, b) => a - b);
  return s;
}
