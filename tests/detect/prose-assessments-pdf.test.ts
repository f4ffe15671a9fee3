/**
 * The whole pipeline on fixtures/real/stadsrevisionens_arsredogorelse_2024.pdf: the goal
 * verdicts of pp. 26–27 and the criticism of pp. 6–8 and 28 come out with the gold's readings
 * (stadsrevisionens_arsredogorelse_2024.gold.json, gold.assessments), and nothing else in
 * the file is read as a verdict.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline/extract.js';
import type { CanonicalDocument } from '../../src/model/document.js';

const PDF = 'fixtures/real/stadsrevisionens_arsredogorelse_2024.pdf';
let doc: CanonicalDocument;

beforeAll(async () => {
  doc = (await extractFile(PDF)).value;
});

describe('prose verdicts in the Stadsrevisionen årsredogörelse 2024', () => {
  it('reads the goal assessments of pp. 26–27', () => {
    const goals = doc.goals.filter((g) => !g.kind).map((g) => [g.text, g.assessment, g.page]);
    expect(goals).toEqual([
      ['Finansiella mål', 'partly_met', 26],
      ['Exploateringsverksamheten ska vara i balans', 'not_met', 26],
      ['Balanskravet 2024', 'met', 26],
      ['God ekonomisk hushållning', 'met', 27],
      ['Verksamhetsmål för 2024', 'not_assessed', 27],
      ['Finansiella mål för god ekonomisk hushållning', 'largely_met', 27],
    ]);
  });

  it('reads the criticism with grade and organ, the 2022 follow-up marked as such', () => {
    const crit = doc.goals.filter((g) => g.kind === 'revision_criticism');
    expect(crit.map((g) => [g.organ, g.level, g.page])).toEqual([
      ['bolagets styrelse och verkställande direktör', 'Revisionskritik', 6],
      ['grundskolenämnden', 'Revisionskritik', 7],
      ['inköps- och upphandlingsnämnden', 'Revisionskritik', 8],
      ['grundskolenämnden', 'Revisionskritik 2022', 28],
    ]);
    expect(crit.map((g) => /i form av en (anmärkning|erinran)/.exec(g.assessmentText ?? '')?.[1]))
      .toEqual(['erinran', 'anmärkning', 'anmärkning', 'anmärkning']);
    expect(crit.every((g) => g.assessment === 'unknown')).toBe(true);
  });
});
