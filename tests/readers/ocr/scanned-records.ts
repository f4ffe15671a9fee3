/**
 * Shared by the scanned-fixture tests: which budget and indicator values of an OCR'd document
 * equal the text source's, and whether every other value carries a warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CanonicalDocument } from '../../../src/model/document.js';
import { compareRecords } from '../../helpers/records.js';

export const SCANNED = ['alingsas-2019-varbokslut', 'hjo-2016-verksamhetsuppfoljning'];

/**
 * Fixtures that do not yet meet the acceptance bar (issue 8); their tests are expected to fail.
 * None at present: Hjo's ruled, shaded tables pass since the rules are found in the image,
 * painted out before Tesseract reads the page and given to the reader as the tables' grid.
 */
export const KNOWN_WEAK = new Set<string>();

export const scannedPath = (name: string): string => join('fixtures', name, 'report-scanned.pdf');
export const expectedPath = (name: string): string => `${scannedPath(name)}.expected.json`;

export function textDoc(name: string): CanonicalDocument {
  return JSON.parse(readFileSync(join('fixtures', name, 'report.txt.expected.json'), 'utf8')) as CanonicalDocument;
}

export interface Agreement {
  reference: number;
  matched: number;
  share: number;
  /** OCR values that are not in the text source and carry no warning on their page. */
  unwarned: string[];
  extra: string[];
}

/** Warning codes that mark a value as doubtful. */
const DOUBT = /^(ocr:|budget:.*mismatch)/;

export function agreement(text: CanonicalDocument, ocr: CanonicalDocument): Agreement {
  const kinds = compareRecords(text, ocr).filter((k) => k.kind === 'budget' || k.kind === 'indicators');
  const reference = kinds.reduce((s, k) => s + k.reference, 0);
  const matched = kinds.reduce((s, k) => s + k.matched, 0);
  const extra = kinds.flatMap((k) => k.extra);
  // An OCR value that differs must be named by a warning on its page: its text as printed
  // appears in an ocr:* message, or the page's table fails an arithmetic check.
  const doubts = ocr.warnings.filter((w) => DOUBT.test(w.code));
  const unwarned: string[] = [];
  for (const b of ocr.budget) {
    const key = keyOf(b.label, b.column, b.measure, b.value);
    if (!extra.includes(key)) continue;
    if (!doubts.some((w) => w.page === b.page && (w.message.includes(`"${b.text}"`) || w.code.startsWith('budget:')))) unwarned.push(key);
  }
  for (const i of ocr.indicators) {
    for (const v of i.values) {
      const key = [norm(i.name), v.period, v.kind, v.value ?? norm(v.text)].join(' | ');
      if (!extra.includes(key)) continue;
      if (!doubts.some((w) => w.page === i.page && v.text !== null && w.message.includes(`"${v.text}`))) unwarned.push(key);
    }
  }
  return { reference, matched, share: reference === 0 ? 1 : matched / reference, unwarned, extra };
}

const norm = (s: string | null | undefined): string =>
  (s ?? '').normalize('NFKC').replace(/[\s\u00ad]+/g, ' ').trim().toLocaleLowerCase('sv');
const keyOf = (label: string, column: string | null, measure: string, value: number | null): string =>
  [norm(label), norm(column), measure, value].join(' | ');
