import { describe, expect, it } from 'vitest';
import { findFurniture, FurnitureGuess, type FurnitureCandidate } from '../../src/detect/furniture.js';

const H = 800;
const line = (page: number, text: string, top: number): FurnitureCandidate => ({ page, text, top, bottom: top + 10, pageHeight: H });

/** Body lines so every page has text outside the bands. */
function body(pages: number): FurnitureCandidate[] {
  return Array.from({ length: pages }, (_, k) => line(k + 1, `Brödtext på sidan ${k + 1}`, 300));
}

describe('findFurniture', () => {
  it('takes a footer whose page number moves from side to side on facing pages', () => {
    // Stadsrevisionen's årsredogörelse: "Stadsrevisionens årsredogörelse 2024 5" on odd pages,
    // "6 Stadsrevisionens årsredogörelse 2024" on even ones; each side alone is under 40%.
    const cands = body(30);
    for (let p = 3; p <= 30; p++) {
      cands.push(line(p, p % 2 ? `Stadsrevisionens årsredogörelse 2024 ${p - 2}` : `${p - 2} Stadsrevisionens årsredogörelse 2024`, 770));
    }
    const { furniture, labels } = findFurniture(cands, 30);
    const dropped = [...furniture].map((i) => cands[i]!.text);
    expect(dropped.filter((t) => t.includes('årsredogörelse'))).toHaveLength(28);
    expect(dropped.some((t) => t.startsWith('Brödtext'))).toBe(false);
    // The page number is the number that changes with the page (2024 is on every line).
    expect([labels.get(3), labels.get(4), labels.get(30)]).toEqual(['1', '2', '28']);
  });

  it('takes no page label from a running header whose number does not count with the pages', () => {
    const cands = body(30);
    for (let p = 1; p <= 30; p++) cands.push(line(p, `Kapitel ${1 + Math.floor(p / 10)} Verksamhet 2024`, 20));
    const { furniture, labels } = findFurniture(cands, 30);
    expect(furniture.size).toBe(30);
    expect(labels.size).toBe(0);
  });

  it('takes a footer that recurs over one stretch of a joined file when it carries the page number', () => {
    // 30 pages; an appended report on pp. 21–28 has its own footer block "Årsrapport n (8)".
    const cands = body(30);
    for (let p = 21; p <= 28; p++) {
      cands.push(line(p, `Årsrapport för 2024 ${p - 20} (8)`, 740), line(p, 'Revisorskollegiet', 755));
    }
    const { furniture, labels } = findFurniture(cands, 30);
    const dropped = [...furniture].map((i) => cands[i]!.text);
    expect(dropped.filter((t) => t.startsWith('Årsrapport'))).toHaveLength(8);
    expect(dropped.filter((t) => t === 'Revisorskollegiet')).toHaveLength(8);
    expect(labels.get(21)).toBe('1');
    expect(labels.get(28)).toBe('8');
    expect(dropped.some((t) => t.startsWith('Brödtext'))).toBe(false);
  });

  it('keeps a table header repeated at the top of a few pages (no page number backs it)', () => {
    const cands = body(30);
    for (let p = 10; p <= 13; p++) cands.push(line(p, 'Verksamhet Budget 2024 Utfall 2024', 40));
    const { furniture } = findFurniture(cands, 30);
    expect(furniture.size).toBe(0);
  });

  it('keeps a scattered repetition that is not one stretch', () => {
    const cands = body(30);
    for (const p of [2, 9, 17, 26]) cands.push(line(p, `Årsrapport ${p} (30)`, 740));
    // The page-numbered lines recur on 4 of 30 pages, spread over 25: not a stretch, not 40%.
    const { furniture } = findFurniture(cands, 30);
    expect([...furniture].map((i) => cands[i]!.text)).toEqual([]);
  });
});

describe('FurnitureGuess', () => {
  it('guesses a band line once it recurred at that height, and bare page numbers at once', () => {
    const g = new FurnitureGuess();
    const page = (n: number) => [
      { text: 'Delårsrapport augusti 2017', top: 30, bottom: 40 },
      { text: `Brödtext ${n}`, top: 300, bottom: 310 },
      { text: `${n}`, top: 770, bottom: 780 },
    ];
    expect([...g.next(page(1), H)]).toEqual([2]);
    expect([...g.next(page(2), H)]).toEqual([2]);
    // Third page: the header has been seen on two pages before at the same height.
    expect([...g.next(page(3), H)]).toEqual([0, 2]);
    // The same text in the body band is not furniture.
    expect([...g.next([{ text: 'Delårsrapport augusti 2017', top: 400, bottom: 410 }], H)]).toEqual([]);
  });
});
