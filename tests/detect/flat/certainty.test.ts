/**
 * Each value read from a flattened table carries its certainty onto the typed record
 * (markCertainty), and the schema takes it. The table is Bokslut_2025 p33 as flattened text;
 * the values are its gold cells.
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../../../src/readers/text/read-text.js';
import { buildDocument } from '../../../src/pipeline/build.js';
import { findFlatTables, markCertainty, recordCertainty } from '../../../src/detect/flat/index.js';
import { CanonicalDocument } from '../../../src/model/index.js';

const TEXT = [
  'Driftredovisning',
  'Verksamheter (tkr) Utfall 2025 Budget 2025 Återstår',
  'Nämnd- och styrelseverksamhet -698 -679 -19',
  'Fysisk och teknisk planering -602 -373 -229',
  'Turistverksamhet 2 802 2 803 -1',
  'Alkoholtillstånd 1 1',
  '',
].join('\n');

function extract() {
  const src = readText(new TextEncoder().encode(TEXT)).value;
  const doc = buildDocument(src, { path: 'p33.txt', sha256: '0'.repeat(64) }).value;
  return { doc, flat: findFlatTables(src.blocks, new Set()).tables };
}

describe('flat certainty on records', () => {
  it('should mark each budget value certain or inferred as its cell was read', () => {
    const { doc, flat } = extract();
    const marked = markCertainty(doc, flat);
    const show = marked.budget.map((b) => `${b.label} | ${b.column} | ${b.text} | ${b.certainty}`);
    expect(show).toEqual([
      'Nämnd- och styrelseverksamhet | Utfall 2025 | -698 | certain',
      'Nämnd- och styrelseverksamhet | Budget 2025 | -679 | certain',
      'Nämnd- och styrelseverksamhet | Återstår | -19 | certain',
      'Fysisk och teknisk planering | Utfall 2025 | -602 | certain',
      'Fysisk och teknisk planering | Budget 2025 | -373 | certain',
      'Fysisk och teknisk planering | Återstår | -229 | certain',
      'Turistverksamhet | Utfall 2025 | 2 802 | certain',
      'Turistverksamhet | Budget 2025 | 2 803 | certain',
      'Turistverksamhet | Återstår | -1 | certain',
      // "1 1" in three columns: Utfall is 1 in every reading that fits; whether the second 1 is
      // Budget or Återstår is chosen by the deviation the other rows show.
      'Alkoholtillstånd | Utfall 2025 | 1 | certain',
      'Alkoholtillstånd | Återstår | 1 | inferred',
    ]);
    expect(() => CanonicalDocument.parse(marked)).not.toThrow();
  });

  it('should give the evidence for the inferred row in a warning on its line', () => {
    const { doc } = extract();
    expect(doc.warnings.filter((w) => w.code.startsWith('flat:'))).toEqual([expect.objectContaining({
      code: 'flat:inferred',
      line: 6,
      message: expect.stringMatching(/\(inferred: "Budget 2025", "Återstår"; the other cells certain\): .*chose "1 \| ∅ \| 1" over "1 \| 1 \| ∅" by .*column 3 = column 1 − column 2, as in the rows already settled/),
    })]);
  });

  it('should leave records from printed grids without a certainty', () => {
    const src = readText(new TextEncoder().encode(TEXT.replace(/ (?=[-\d])/g, '\t').replace(/(\d)\t(\d{3})/g, '$1 $2'))).value;
    const doc = buildDocument(src, { path: 'tabs.txt', sha256: '0'.repeat(64) }).value;
    expect(doc.budget.length).toBeGreaterThan(0);
    expect(recordCertainty(doc, findFlatTables(src.blocks, new Set()).tables).budget.every((c) => c === null)).toBe(true);
  });
});
