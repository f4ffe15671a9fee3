/**
 * OCR runs with the network off: the model, the WebAssembly core and the worker script come from
 * node_modules. One page is recognised (a cover page with little text, to keep the run short).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ocrMissingPages, tesseractAssets } from '../../../src/readers/ocr/index.js';

const GUARDED_WORKER = path.resolve('tests/readers/ocr/data/offline-worker.cjs');
const realFetch = globalThis.fetch;

describe('OCR offline', () => {
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('finds the worker script, the core and the Swedish model inside node_modules', () => {
    const a = tesseractAssets();
    const modules = path.resolve('node_modules') + path.sep;
    for (const p of [a.workerPath, a.corePath, a.langPath, a.modelFile]) {
      expect(path.isAbsolute(p)).toBe(true);
      expect(p.startsWith(modules)).toBe(true);
      expect(/^[a-z]+:\/\//i.test(p)).toBe(false); // a URL would be fetched
    }
    expect(a.modelFile).toMatch(/@tesseract\.js-data[\\/]swe[\\/]4\.0\.0_best_int[\\/]swe\.traineddata\.gz$/);
  });

  it('reads a scanned page with fetch and sockets refused in both threads', async () => {
    let calls = 0;
    globalThis.fetch = (() => {
      calls++;
      throw new Error('network access from the main thread');
    }) as typeof fetch;
    const bytes = new Uint8Array(readFileSync('fixtures/alingsas-2019-varbokslut/report-scanned.pdf'));
    const r = await ocrMissingPages(bytes, [1], { workers: 1, workerPath: GUARDED_WORKER });
    expect(calls).toBe(0);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.pages.map((p) => p.number)).toEqual([1]);
    const text = r.pages[0]!.runs.map((w) => w.text).join(' ');
    expect(text).toContain('Socialnämndens vårbokslut 2019');
    expect(text).toContain('Diarienummer');
    // Points on an A4 page, top-left origin.
    expect(r.pages[0]!.width).toBeCloseTo(595.44, 0);
    for (const w of r.pages[0]!.runs) {
      expect(w.x0).toBeGreaterThanOrEqual(0);
      expect(w.x1).toBeLessThanOrEqual(596);
      expect(w.baseline).toBeGreaterThan(0);
      expect(w.baseline).toBeLessThan(843);
    }
  }, 600_000);
});
