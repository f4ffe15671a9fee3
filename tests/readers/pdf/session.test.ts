/**
 * The speed settings of the pdf.js session change nothing in what is read: the worker thread
 * gives the same SourceDoc as pdf.js in this thread, and pdf.js's legacy polyfills leave the
 * built-ins they only shadow (Array.prototype.push, JSON) native. Speed itself is measured by
 * `npm run bench`, never here.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../src/readers/pdf/read-pdf.js';
import { FIXTURES } from './helpers.js';

const TYRESO = path.join(FIXTURES, 'tyreso-2017-delarsrapport-augusti/report.pdf');

describe('pdf.js session', () => {
  it('reads the same document in the worker thread as in this thread', async () => {
    const bytes = new Uint8Array(readFileSync(TYRESO));
    const saved = process.env.KOMMUNRAPPORT_PDF_THREADS;
    let inThread: string;
    let here: string;
    try {
      process.env.KOMMUNRAPPORT_PDF_THREADS = '0';
      here = JSON.stringify(await readPdf(bytes));
      delete process.env.KOMMUNRAPPORT_PDF_THREADS;
      inThread = JSON.stringify(await readPdf(bytes));
    } finally {
      if (saved === undefined) delete process.env.KOMMUNRAPPORT_PDF_THREADS;
      else process.env.KOMMUNRAPPORT_PDF_THREADS = saved;
    }
    expect(inThread).toEqual(here);
  });

  it('leaves Array.prototype.push and JSON native after loading pdf.js', () => {
    const reader = pathToFileURL(path.resolve(import.meta.dirname, '../../../src/readers/pdf/read-pdf.ts')).href;
    const script = `
      const natives = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
      const { readFileSync } = await import('node:fs');
      const { readPdf } = await import(${JSON.stringify(reader)});
      await readPdf(new Uint8Array(readFileSync(${JSON.stringify(TYRESO)})));
      const now = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
      console.log(JSON.stringify(natives.map((f, i) => f === now[i])));
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8', env: { ...process.env, KOMMUNRAPPORT_PDF_THREADS: '0' },
    });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual([true, true, true, true]);
  }, 60_000);

  it('reads the same document with operator lists in a second thread', async () => {
    // Hjo: 17 pages (enough for a second copy) and ruled tables on 11 of them.
    const hjo = path.join(FIXTURES, 'hjo-2016-verksamhetsuppfoljning/report.pdf');
    const reader = pathToFileURL(path.resolve(import.meta.dirname, '../../../src/readers/pdf/read-pdf.ts')).href;
    const script = `
      const { readFileSync } = await import('node:fs');
      const { readPdf } = await import(${JSON.stringify(reader)});
      console.log(JSON.stringify(await readPdf(new Uint8Array(readFileSync(${JSON.stringify(hjo)})))));
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8', env: { ...process.env, KOMMUNRAPPORT_PDF_THREADS: '2' }, maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stderr).toBe('');
    const two = JSON.parse(r.stdout.trim().split('\n').pop()!) as Awaited<ReturnType<typeof readPdf>>;
    const one = await readPdf(new Uint8Array(readFileSync(hjo)));
    expect(two.value.blocks.filter((b) => b.kind === 'table' && b.origin === 'pdf-ruled').length).toBeGreaterThan(10);
    expect(two).toEqual(JSON.parse(JSON.stringify(one)));
  }, 60_000);
});
