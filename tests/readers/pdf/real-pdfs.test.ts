import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceDoc, TableBlock } from '../../../src/model/index.js';
import { readPdf } from '../../../src/readers/pdf/read-pdf.js';
import { expand, norm, REAL } from './helpers.js';

async function read(file: string): Promise<SourceDoc> {
  return (await readPdf(new Uint8Array(readFileSync(path.join(REAL, file))))).value;
}
function tablesOn(doc: SourceDoc, page: number): TableBlock[] {
  return doc.blocks.filter((b): b is TableBlock => b.kind === 'table' && b.page === page);
}
const rowOf = (t: TableBlock, label: string): string[] | undefined =>
  expand(t).find((r) => norm(r[0] ?? '').replace(/\*$/, '') === label)?.map(norm);

describe('real PDFs', () => {
  it('Stadsrevisionen p41 "Tabell 1" is a ruled table with the gold values', async () => {
    const doc = await read('stadsrevisionens_arsredogorelse_2024.pdf');
    const gold = JSON.parse(readFileSync(path.join(REAL, 'stadsrevisionens_arsredogorelse_2024.gold.json'), 'utf8')) as {
      gold: { budget_values: Array<{ page: number; row: string; column: string; text: string }> };
    };
    const [t] = tablesOn(doc, 41);
    expect(t?.origin).toBe('pdf-ruled');
    const grid = expand(t!);
    const header = grid[0]!.map(norm);
    const values = gold.gold.budget_values.filter((v) => v.page === 41);
    expect(values.length).toBe(27);
    for (const v of values) {
      const row = rowOf(t!, v.row);
      expect(row?.[header.indexOf(v.column)], `${v.row} / ${v.column}`).toBe(norm(v.text));
    }
    // The prose repeating these numbers is not part of the table, nor is the table in the prose.
    expect(doc.blocks.some((b) => b.kind === 'line' && b.page === 41 && b.text.includes('-34 527'))).toBe(false);
  });

  it('Stadsrevisionen: the appended årsrapport\'s own footer (pp. 35–43, "n (11)") is furniture, its page numbers labels', async () => {
    const doc = await read('stadsrevisionens_arsredogorelse_2024.pdf');
    // The footer block "Årsrapport för 2024  n (11) / Revisorskollegiet / Stadsrevisionen 2025-03-18"
    // recurs on 9 of 44 pages only: too few for the document-wide share, but one stretch.
    for (const b of doc.blocks.filter((x) => x.page !== null && x.page >= 35 && x.page <= 43)) {
      const text = b.kind === 'line' ? b.text : b.rows.flat().map((c) => c.text).join(' ');
      expect(text, `block on p${b.page}`).not.toMatch(/Årsrapport för 2024\s+\d+ \(11\)|^Revisorskollegiet$/);
    }
    expect(doc.pages.slice(34, 43).map((p) => p.label)).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('Stadsrevisionen: the main footer moves its page number from side to side and is still furniture with labels', async () => {
    const doc = await read('stadsrevisionens_arsredogorelse_2024.pdf');
    // p8 prints "Stadsrevisionens årsredogörelse 2024 5", p9 "6 Stadsrevisionens årsredogörelse 2024".
    for (const b of doc.blocks.filter((x) => x.page !== null && x.page >= 4 && x.page <= 31)) {
      const text = b.kind === 'line' ? b.text : b.rows.flat().map((c) => c.text).join(' ');
      expect(text, `block on p${b.page}`).not.toMatch(/Stadsrevisionens årsredogörelse 2024/);
    }
    expect([doc.pages[7]!.label, doc.pages[8]!.label, doc.pages[30]!.label]).toEqual(['5', '6', '28']);
  });

  it('Stadsrevisionen two-column pages read column by column, with hyphenation joined', async () => {
    const doc = await read('stadsrevisionens_arsredogorelse_2024.pdf');
    const text = doc.blocks.filter((b) => b.kind === 'line' && b.page === 8).map((b) => (b.kind === 'line' ? b.text : '')).join('\n');
    expect(text).toContain('legalitetsprincipen');
    expect(text).not.toMatch(/[¬\u00AD\uFFFD\u0008\uF0B7]/);
  });

  it('Bokslut_2025 p13 "Ekonomi (tkr)" is a table with drift and investment rows', async () => {
    const doc = await read('Bokslut_2025.pdf');
    const t = tablesOn(doc, 13).find((x) => norm(x.rows[0]![0]!.text) === 'Ekonomi (tkr)');
    expect(t?.origin).toBe('pdf-aligned');
    const grid = expand(t!).map((r) => r.map(norm));
    expect(grid).toEqual([
      ['Ekonomi (tkr)', '2024', '2025'],
      ['Intäkter', '10 135', '11 251'],
      ['Kostnader', '-69 731', '-73 300'],
      ['Nettokostnader', '-59 596', '-62 049'],
      ['Budget', '-59 689', '-63 119'],
      ['Budgetavvikelse', '93', '1 070'],
      ['Nettoinvesteringar', '2 329', '5 403'],
      ['Budget', '4 259', '10 525'],
      ['Budgetavvikelse', '-1 930', '-5 122'],
    ]);
    expect(doc.pages[12]!.label).toBe('12');
  });
});
