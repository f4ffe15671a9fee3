import { describe, expect, it } from 'vitest';
import { buildLines, orderColumns } from '../../../src/readers/pdf/group-lines.js';
import { itemsToRuns } from '../../../src/readers/pdf/text-items.js';
import type { FontInfo, RawTextItem } from '../../../src/readers/pdf/types.js';
import { joinPageBreaks } from '../../../src/readers/pdf/postprocess.js';
import { lineBlock, type SourceDoc } from '../../../src/model/index.js';

const PAGE_H = 800;
const FLIP = [1, 0, 0, -1, 0, PAGE_H];
const FONTS: Record<string, FontInfo> = {
  r: { name: 'ABCDEF+Carlito', bold: false, ascent: 0.8, descent: -0.2 },
  b: { name: 'ABCDEF+Carlito-Bold', bold: true, ascent: 0.8, descent: -0.2 },
};
/** A TextItem at (x, top-origin baseline y) with an approximate width of 0.5 em per char. */
function item(str: string, x: number, y: number, size = 10, font = 'r', width?: number): RawTextItem {
  return { str, transform: [size, 0, 0, size, x, PAGE_H - y], width: width ?? str.length * size * 0.5, height: size, fontName: font };
}
const lines = (items: RawTextItem[]) => buildLines(itemsToRuns(items, FLIP, FONTS).runs);

describe('group-lines', () => {
  it('joins items on one baseline without inventing spaces, and inserts one at a word gap', () => {
    const ls = lines([item('bud', 50, 100, 10, 'r', 15), item('get', 65, 100, 10, 'r', 15), item('och', 83, 100.5, 10, 'r', 15)]);
    expect(ls).toHaveLength(1);
    expect(ls[0]!.text).toBe('budget och');
  });

  it('splits a line into segments at column-sized gaps', () => {
    const ls = lines([item('Intäkter', 50, 100), item('182 149', 300, 100), item('177 382', 400, 100)]);
    expect(ls[0]!.segments.map((s) => s.text)).toEqual(['Intäkter', '182 149', '177 382']);
  });

  it('reads the real font name for bold and keeps sizes', () => {
    const ls = lines([item('Rubrik', 50, 100, 16, 'b'), item('Brödtext', 50, 130, 10, 'r')]);
    expect(ls.map((l) => [l.text, l.fontSize, l.bold])).toEqual([['Rubrik', 16, true], ['Brödtext', 10, false]]);
  });

  it('maps U+F0B7 bullets, strips U+0008/U+FFFD leaders and soft hyphens inside words', () => {
    const ls = lines([item('\uF0B7 punkt', 50, 100), item('Innehåll\u0008\uFFFD\uFFFD\uFFFD3', 50, 120), item('legalitets\u00ADprincipen', 50, 140)]);
    expect(ls.map((l) => l.text)).toEqual(['• punkt', 'Innehåll 3', 'legalitetsprincipen']);
    expect(ls[1]!.leader).toBe(true);
  });

  it('reads a two-column page column by column', () => {
    const items: RawTextItem[] = [item('En rubrik över båda spalterna i artikeln', 50, 60, 18)];
    for (let i = 0; i < 8; i++) {
      items.push(item(`vänster rad ${i} med lite text`, 50, 100 + i * 12, 10, 'r', 200));
      items.push(item(`höger rad ${i} med lite text`, 310, 100 + i * 12, 10, 'r', 200));
    }
    const bands = orderColumns(lines(items), 560);
    const order = bands.flatMap((b) => b.columns.flat()).map((l) => l.text);
    expect(order[0]).toBe('En rubrik över båda spalterna i artikeln');
    expect(order.slice(1, 9).every((t) => t.startsWith('vänster'))).toBe(true);
    expect(order.slice(9).every((t) => t.startsWith('höger'))).toBe(true);
  });
});

describe('line-end hyphenation', () => {
  const doc = (texts: string[]): SourceDoc => ({
    format: 'pdf', pageCount: 1, pages: [], ocr: false, metaTitle: null,
    blocks: texts.map((text) => lineBlock({ text, page: 1 })),
  });
  const texts = (d: SourceDoc) => d.blocks.map((b) => (b.kind === 'line' ? b.text : ''));

  it('joins "bola-" + "get" when the next line starts in lower case', () => {
    expect(texts(joinPageBreaks(doc(['för bola-', 'get och staden'])))).toEqual(['för bolaget', 'och staden']);
  });
  it('keeps a suspended compound ("Individ- och familjeomsorg")', () => {
    expect(texts(joinPageBreaks(doc(['Individ-', 'och familjeomsorg'])))).toEqual(['Individ-', 'och familjeomsorg']);
  });
  it('keeps the hyphen before an upper-case word', () => {
    expect(texts(joinPageBreaks(doc(['Göteborgs-', 'Posten skriver'])))).toEqual(['Göteborgs-', 'Posten skriver']);
  });
  it('joins at a line-end soft hyphen or "¬"', () => {
    expect(texts(joinPageBreaks(doc(['legalitetsprinci¬', 'pen gäller'])))).toEqual(['legalitetsprincipen', 'gäller']);
  });
});
