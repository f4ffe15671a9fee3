/**
 * Issue 3 acceptance 2 (PDF ≥ 98% of records equal to the text source's) and issue 4
 * acceptance 2 (DOCX ≥ 99%). Differences are printed so a failure says what moved.
 */
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline/extract.js';
import { compareRecords } from '../helpers/records.js';
import { inputPath, reportFixtures } from '../helpers/fixtures.js';

const THRESHOLD = { pdf: 0.98, docx: 0.99 } as const;

for (const format of ['docx', 'pdf'] as const) {
  describe(`${format} records against the text source`, () => {
    for (const name of reportFixtures()) {
      it(`${name}: ≥ ${THRESHOLD[format] * 100}% of records equal`, async () => {
        const text = (await extractFile(inputPath(name, 'txt'))).value;
        const other = (await extractFile(inputPath(name, format))).value;
        const kinds = compareRecords(text, other);
        const ref = kinds.reduce((s, k) => s + k.reference + k.extra.length, 0);
        const matched = kinds.reduce((s, k) => s + k.matched, 0);
        const share = ref === 0 ? 1 : matched / ref;
        console.log(`${name} ${format}: ${matched}/${ref} records equal (${(100 * share).toFixed(1)}%) ` +
          kinds.map((k) => `${k.kind} ${k.matched}/${k.reference}${k.extra.length ? ` +${k.extra.length}` : ''}`).join(', '));
        for (const k of kinds) {
          for (const m of k.missing.slice(0, 6)) console.log(`  - ${k.kind}: ${m}`);
          for (const x of k.extra.slice(0, 6)) console.log(`  + ${k.kind}: ${x}`);
        }
        expect(share).toBeGreaterThanOrEqual(THRESHOLD[format]);
      });
    }
  });
}
