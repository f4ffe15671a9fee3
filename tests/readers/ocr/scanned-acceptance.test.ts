/**
 * Whole scanned reports through OCR (minutes each): run with OCR_ACCEPTANCE=1.
 * OCR_ACCEPTANCE=update rewrites fixtures/<name>/report-scanned.pdf.expected.json, which the fast
 * test (scanned-expected.test.ts) checks against the text source on every run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile, withWarnings } from '../../../src/pipeline/extract.js';
import { compareRecords } from '../../helpers/records.js';
import type { CanonicalDocument } from '../../../src/model/document.js';
import { agreement, expectedPath, KNOWN_WEAK, SCANNED, scannedPath, textDoc } from './scanned-records.js';

const mode = process.env.OCR_ACCEPTANCE;

describe.skipIf(!mode)('scanned reports read by OCR (OCR_ACCEPTANCE)', () => {
  for (const name of SCANNED) {
    (KNOWN_WEAK.has(name) ? it.fails : it)(`${name}: ≥ 90% of budget and indicator values equal the text source's, the rest warned`, async () => {
      if (mode === 'update' && process.env.CI) throw new Error('refusing to rewrite expected OCR output in CI');
      const file = scannedPath(name);
      const doc = withWarnings(await extractFile(file, { displayPath: file }));
      if (mode === 'update') writeFileSync(expectedPath(name), `${JSON.stringify(doc, null, 1)}\n`);
      expect(doc.warnings.some((w) => w.code === 'pdf:no-text-layer')).toBe(false);
      const a = agreement(textDoc(name), doc);
      expect(a.share).toBeGreaterThanOrEqual(0.9);
      expect(a.unwarned).toEqual([]);
      if (mode !== 'update') {
        // OCR output is reproducible for one tesseract.js build: the records match the stored run.
        const stored = JSON.parse(readFileSync(expectedPath(name), 'utf8')) as CanonicalDocument;
        for (const k of compareRecords(stored, doc).filter((k) => k.kind === 'budget' || k.kind === 'indicators')) {
          expect({ kind: k.kind, missing: k.missing, extra: k.extra }).toEqual({ kind: k.kind, missing: [], extra: [] });
        }
      }
    }, 3_600_000);
  }
});
