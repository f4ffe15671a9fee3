import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../src/readers/pdf/read-pdf.js';
import { FIXTURES } from './helpers.js';

async function code(bytes: Uint8Array): Promise<string> {
  try {
    await readPdf(bytes);
    return 'no error';
  } catch (err) {
    expect((err as Error).name).toBe('UnreadableInputError');
    return (err as { code: string }).code;
  }
}

describe('unreadable PDFs', () => {
  it('an encrypted PDF is pdf:encrypted', async () => {
    expect(await code(new Uint8Array(readFileSync(path.join(import.meta.dirname, 'data/encrypted.pdf'))))).toBe('pdf:encrypted');
  });
  it('a truncated PDF is pdf:corrupt', async () => {
    const full = readFileSync(path.join(FIXTURES, 'tyreso-2017-delarsrapport-augusti/report.pdf'));
    expect(await code(new Uint8Array(full.subarray(0, full.length >> 1)))).toBe('pdf:corrupt');
  });
  it('random bytes are pdf:corrupt', async () => {
    let seed = 7;
    const bytes = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 255);
    expect(await code(bytes)).toBe('pdf:corrupt');
  });
  it('an empty file is pdf:empty', async () => {
    expect(await code(new Uint8Array())).toBe('pdf:empty');
  });
});

describe('pages without text', () => {
  it('an image-only PDF gives no blocks and one pdf:no-text-layer warning', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'hjo-2016-verksamhetsuppfoljning/report-scanned.pdf')));
    // The text-layer reader alone: OCR of such pages (readPdf's default) is src/readers/ocr's.
    const r = await readPdf(bytes, { ocr: false });
    expect(r.value.blocks).toEqual([]);
    expect(r.value.pages.every((p) => p.textChars === 0)).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['pdf:no-text-layer']);
    expect(r.diagnostics[0]!.message).toMatch(/no text layer; OCR is needed/);
  });
  it('maxPages caps the pages read with pdf:pages-capped', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'tyreso-2017-delarsrapport-augusti/report.pdf')));
    const r = await readPdf(bytes, { maxPages: 2 });
    expect(r.value.pages).toHaveLength(2);
    expect(r.value.pageCount).toBe(15);
    expect(r.value.blocks.every((b) => (b.page ?? 0) <= 2)).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['pdf:pages-capped']);
  });
});
