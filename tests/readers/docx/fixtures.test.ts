/**
 * The five report.docx fixtures against their truth.json: every table (cells after expanding
 * spans the way truth does, header rows where Word declares them), every heading with its
 * level, and the title block kept out of the headings.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../helpers/paths.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceDoc, type LineBlock, type TableBlock } from '../../../src/model/source-doc.js';
import { readDocx } from '../../../src/readers/docx/read-docx.js';

const FIXTURES = FIXTURES_DIR;

interface Truth {
  paragraph_count: number;
  headings: { text: string; level: number }[];
  tables: {
    index: number;
    header_rows: number;
    rows: string[][];
    merged: { row: number; col: number; rowspan: number; colspan: number }[];
  }[];
  title_block: { text: string; style: string }[];
  toc: { text: string }[];
}

const names = existsSync(FIXTURES)
  ? readdirSync(FIXTURES).filter((n) => existsSync(join(FIXTURES, n, 'report.docx')))
  : [];

// NFKC: superscript note markers ("barn³") compare equal to truth's plain rendering ("barn3").
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** Spans expanded into a grid: text at the top-left, '' in the positions a merged cell covers. */
function expand(table: TableBlock): { grid: string[][]; merged: Truth['tables'][number]['merged'] } {
  const grid: string[][] = [];
  const merged: Truth['tables'][number]['merged'] = [];
  table.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r][c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          (grid[r + dr] ??= [])[c + dc] = dr === 0 && dc === 0 ? norm(cell.text) : '';
        }
      }
      if (cell.rowSpan > 1 || cell.colSpan > 1) merged.push({ row: r, col: c, rowspan: cell.rowSpan, colspan: cell.colSpan });
      c += cell.colSpan;
    }
  });
  return { grid: grid.map((row) => Array.from(row, (v) => v ?? '')), merged };
}

describe.skipIf(names.length === 0)('report.docx fixtures', () => {
  const docs = new Map<string, { doc: SourceDoc; truth: Truth; diagnostics: unknown[] }>();

  beforeAll(async () => {
    for (const name of names) {
      const result = await readDocx(readFileSync(join(FIXTURES, name, 'report.docx')));
      docs.set(name, {
        doc: result.value,
        truth: JSON.parse(readFileSync(join(FIXTURES, name, 'truth.json'), 'utf8')),
        diagnostics: result.diagnostics,
      });
    }
  });

  it.each(names)('%s: reads a SourceDoc that satisfies the schema', (name) => {
    const { doc } = docs.get(name)!;
    expect(() => SourceDoc.parse(JSON.parse(JSON.stringify(doc)))).not.toThrow();
    expect(doc.format).toBe('docx');
  });

  it.each(names)('%s: reads without diagnostics', (name) => {
    expect(docs.get(name)!.diagnostics).toEqual([]);
  });

  it.each(names)('%s: one line per non-empty body paragraph', (name) => {
    const { doc, truth } = docs.get(name)!;
    expect(doc.blocks.filter((b) => b.kind === 'line')).toHaveLength(truth.paragraph_count);
  });

  it.each(names)('%s: where Word declares no header rows, the bold leading rows are the truth header rows', (name) => {
    // Not a decision the reader makes; a check that the bold facts are there for detect/ to use.
    const { doc, truth } = docs.get(name)!;
    const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    for (const t of truth.tables) {
      const table = tables[t.index];
      if (table.declaredHeaderRows !== null) continue;
      let bold = 0;
      for (const row of table.rows) {
        const filled = row.filter((c) => c.text.trim() !== '');
        if (filled.length > 0 && !filled.every((c) => c.bold)) break;
        bold++;
      }
      expect(bold, `table ${t.index}`).toBe(t.header_rows);
    }
  });

  it.each(names)('%s: every truth table agrees cell for cell', (name) => {
    const { doc, truth } = docs.get(name)!;
    const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    let cells = 0;
    let agreeing = 0;
    let headerKnown = 0;
    for (const t of truth.tables) {
      const got = tables[t.index] ? expand(tables[t.index]) : { grid: [], merged: [] };
      t.rows.forEach((row, r) =>
        row.forEach((text, c) => {
          cells++;
          if ((got.grid[r]?.[c] ?? null) === norm(text)) agreeing++;
        }),
      );
      expect(got.grid, `table ${t.index}`).toEqual(t.rows.map((row) => row.map(norm)));
      expect(got.merged, `table ${t.index} merges`).toEqual(t.merged);
      const declared = tables[t.index]?.declaredHeaderRows ?? null;
      if (declared !== null) {
        headerKnown++;
        expect(declared, `table ${t.index} header rows`).toBe(t.header_rows);
      }
    }
    expect(tables).toHaveLength(truth.tables.length);
    console.log(
      `${name}: tables ${tables.length}/${truth.tables.length}, cells ${agreeing}/${cells} (${((100 * agreeing) / cells).toFixed(1)}%), ` +
        `header rows declared in ${headerKnown}/${truth.tables.length}`,
    );
  });

  it.each(names)('%s: truth headings are lines with the declared level, in order', (name) => {
    const { doc, truth } = docs.get(name)!;
    const headings = doc.blocks
      .filter((b): b is LineBlock => b.kind === 'line' && b.declaredLevel !== null)
      .map((b) => ({ text: norm(b.text), level: b.declaredLevel }));
    expect(headings).toEqual(truth.headings.map((h) => ({ text: norm(h.text), level: h.level })));
    console.log(`${name}: headings ${headings.length}/${truth.headings.length} with matching level`);
  });

  it.each(names)('%s: title block lines keep their style and are not headings', (name) => {
    const { doc, truth } = docs.get(name)!;
    const lines = doc.blocks.filter((b): b is LineBlock => b.kind === 'line');
    for (const entry of truth.title_block) {
      const line = lines.find((l) => norm(l.text) === norm(entry.text) && l.styleName === entry.style);
      expect(line, entry.text).toBeDefined();
      expect(line!.declaredLevel).toBeNull();
    }
  });

  it.each(names)('%s: the table of contents is not declared as headings', (name) => {
    const { doc } = docs.get(name)!;
    const toc = doc.blocks.filter((b): b is LineBlock => b.kind === 'line' && /^toc \d$|^TOC Heading$/i.test(b.styleName ?? ''));
    for (const line of toc) expect(line.declaredLevel).toBeNull();
  });

  it.each(names)('%s: takes its title from the core properties', (name) => {
    expect(docs.get(name)!.doc.metaTitle).toEqual(expect.any(String));
  });
});
