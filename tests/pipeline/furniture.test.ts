/**
 * Issue 3 acceptance 4: no running header, footer or page number ends up in a section title,
 * a table cell or a record of the canonical document extracted from a PDF.
 */
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline/extract.js';
import { inputPath, reportFixtures, truthOf } from '../helpers/fixtures.js';

interface FurnitureTruth { page_header?: string | null; page_footer?: string | null; pdf_page_count?: number }

/** The header/footer templates of truth.json ("Sida {page} av {pages}") as patterns. */
function patterns(t: FurnitureTruth): RegExp[] {
  return [t.page_header, t.page_footer]
    .filter((s): s is string => !!s)
    .flatMap((s) => s.split('\t'))
    .map((s) => s.trim())
    .filter((s) => s.length >= 4)
    .map((s) => new RegExp(s.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{page\}|\\?\{pages\}/g, '\\d+').replace(/\s+/g, '\\s*')));
}

describe('running headers and footers stay out of the content', () => {
  for (const name of reportFixtures()) {
    it(`${name}/report.pdf`, async () => {
      const truth = truthOf(name) as unknown as FurnitureTruth;
      const res = patterns(truth);
      expect(res.length).toBeGreaterThan(0);
      const doc = (await extractFile(inputPath(name, 'pdf'))).value;
      const texts = [
        ...doc.sections.map((s) => s.title),
        ...doc.tables.flatMap((t) => t.rows.flat()),
        ...doc.budget.map((b) => b.label),
        ...doc.indicators.map((i) => i.name),
        ...doc.goals.map((g) => g.text),
        ...doc.activities.map((a) => a.activity),
      ];
      const leaks = texts.filter((t) => res.some((re) => re.test(t)));
      expect(leaks).toEqual([]);
    });
  }
});
