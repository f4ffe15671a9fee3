/**
 * Issue 9's acceptance on PDFs: the fixture PDFs (../shared/fixtures = fixtures/<name>/report.pdf)
 * and the real PDFs (../shared/real-pdfs = fixtures/real/*.pdf), flattened and glued by
 * scripts/make-flat-pdf.ts into fixtures/flat/, read back through the whole pipeline and scored
 * against the hand-checked gold budget cells with src/eval's matcher.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFixtures } from '../../helpers/fixtures.js';
import { scoreGold, type GoldScore } from './measure-gold.js';

type Variant = 'flat' | 'glued';
/** Acceptance: share of gold budget values back with the right row, column and value. */
const REQUIRED: Record<Variant, number> = { flat: 0.95, glued: 0.8 };
const REAL = ['Bokslut_2025', 'stadsrevisionens_arsredogorelse_2024'];

interface Doc { name: string; text: string; gold: string; pages: boolean }

function docs(variant: Variant): Doc[] {
  return [
    ...reportFixtures().map((name) => ({
      name, text: join('fixtures', 'flat', name, `pdf-${variant}.txt`), gold: join('fixtures', name, 'gold.json'), pages: false,
    })),
    ...REAL.map((name) => ({
      name, text: join('fixtures', 'flat', 'real', `${name}-${variant}.txt`), gold: join('fixtures', 'real', `${name}.gold.json`), pages: true,
    })),
  ];
}

const share = (scores: GoldScore[]) => scores.reduce((n, s) => n + s.right, 0) / scores.reduce((n, s) => n + s.values, 0);

describe.each(['flat', 'glued'] as const)('PDFs, %s', (variant) => {
  const scored = docs(variant).map((d) => ({ ...d, s: scoreGold(d.text, d.gold, { pages: d.pages }) }));

  it.each(scored.map((d) => d.name))('[%s] should mark no budget value certain that the gold contradicts', (name) => {
    expect(scored.find((d) => d.name === name)!.s.certainWrong).toEqual([]);
  });

  it.each(scored.map((d) => d.name))('[%s] should warn (flat:inferred or flat:unresolved) on every gold value it did not bring back', (name) => {
    expect(scored.find((d) => d.name === name)!.s.unwarned).toEqual([]);
  });

  it(`should bring back at least ${REQUIRED[variant] * 100} % of the gold budget values of the fixture PDFs`, () => {
    const fixtures = scored.filter((d) => !d.pages).map((d) => d.s);
    expect(fixtures.reduce((n, s) => n + s.values, 0)).toBe(394);
    expect(share(fixtures)).toBeGreaterThanOrEqual(REQUIRED[variant]);
  });

  it(`should bring back at least ${REQUIRED[variant] * 100} % of the gold budget values of the real PDFs`, () => {
    const real = scored.filter((d) => d.pages).map((d) => d.s);
    expect(real.reduce((n, s) => n + s.values, 0)).toBe(172 + 27);
    expect(share(real)).toBeGreaterThanOrEqual(REQUIRED[variant]);
  });
});

describe('fixtures/flat PDF texts', () => {
  // The two variants come from the same lines: they differ only in the spaces between pieces.
  it.each(docs('flat').map((d) => d.text))('should hold %s and its glued twin line for line, page for page', (flatPath) => {
    const flat = readFileSync(flatPath, 'utf8').split('\n');
    const glued = readFileSync(flatPath.replace(/flat\.txt$/, 'glued.txt'), 'utf8').split('\n');
    expect(glued.length).toBe(flat.length);
    flat.forEach((line, k) => expect(glued[k].replace(/ /g, '')).toBe(line.replace(/ /g, '')));
    expect(flat.filter((l) => l === '\f').length).toBeGreaterThan(0);
  });

  // Gold cites PDF pages: each page after the first opens with a form feed (pages as in notes.md).
  it.each([['Bokslut_2025', 37], ['stadsrevisionens_arsredogorelse_2024', 44]] as const)('should keep the %s pages apart (%i pages)', (name, pages) => {
    const text = readFileSync(join('fixtures', 'flat', 'real', `${name}-flat.txt`), 'utf8');
    expect(text.split('\n').filter((l) => l === '\f').length).toBe(pages - 1);
  });
});
