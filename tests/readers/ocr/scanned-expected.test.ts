/**
 * The stored OCR output of the scanned fixtures (written by OCR_ACCEPTANCE=update, see
 * scanned-acceptance.test.ts) against the text source, without running OCR.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../../src/model/document.js';
import { agreement, expectedPath, KNOWN_WEAK, SCANNED, scannedPath, textDoc } from './scanned-records.js';

describe('stored OCR output of the scanned fixtures', () => {
  for (const name of SCANNED) {
    (KNOWN_WEAK.has(name) ? it.fails : it)(`${name}: ≥ 90% of budget and indicator values equal the text source's; every other value is warned`, () => {
      expect(existsSync(expectedPath(name)), `${expectedPath(name)} missing: run OCR_ACCEPTANCE=update`).toBe(true);
      const doc = JSON.parse(readFileSync(expectedPath(name), 'utf8')) as CanonicalDocument;
      // Guard against a stale file: it was made from these very bytes, by OCR.
      const sha = createHash('sha256').update(readFileSync(scannedPath(name))).digest('hex');
      expect(doc.source).toMatchObject({ format: 'pdf', ocr: true, sha256: sha });
      const a = agreement(textDoc(name), doc);
      expect(a.reference).toBeGreaterThan(0);
      expect(a.share).toBeGreaterThanOrEqual(0.9);
      expect(a.unwarned).toEqual([]);
    });
  }
});
