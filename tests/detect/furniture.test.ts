import { describe, expect, it } from 'vitest';
import { findFurniture, type FurnitureCandidate } from '../../src/detect/furniture.js';

const H = 800;
const line = (page: number, text: string, top: number): FurnitureCandidate => ({ page, text, top, bottom: top + 10, pageHeight: H });

/** Body lines so every page has text outside the bands. */
function body(pages: number): FurnitureCandidate[] {
  return Array.from({ length: pages }, (_, k) => line(k + 1, `Brödtext på sidan ${k + 1}`, 300));
}

describe('findFurniture', () => {
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
