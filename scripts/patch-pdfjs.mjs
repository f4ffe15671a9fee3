#!/usr/bin/env node
/**
 * postinstall: one line added to pdf.js's worker (pdfjs-dist/legacy/build/pdf.worker.mjs) so
 * that getTextContent's `styles` name each font as the PDF does ("ABCDEF+Arial-BoldMT").
 *
 * Why: bold is how headings are told from body text, and pdf.js hands a font's real name to
 * this side only with an operator list (commonObjs), which costs about two thirds of a page's
 * getTextContent. Reading one for every page that brings a new font was more than half of the
 * operator lists the PDF reader fetched. With the name in the styles, operator lists are read
 * only for table rules (src/readers/pdf/rule-policy.ts).
 *
 * Plain JavaScript without dependencies, so it runs before the build. Idempotent. The patched
 * file is written beside the original and renamed over it: an interrupted install never leaves
 * half a worker, and a file hard-linked from a shared package store (pnpm) is replaced, not
 * changed for every project that links it. Whatever goes wrong (another pdf.js version whose
 * anchor moved, a read-only node_modules) is a warning, never a failed install: the reader then
 * learns font names from operator lists as before (slower, same results), and the test
 * tests/readers/pdf/pdfjs-patch.test.ts fails so the patch is brought up to date.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const MARKER = 'fontName: font.name /* kommunrapport */';
const ANCHOR = /(textContent\.styles\[loadedName\] = \{\s*fontFamily: font\.fallbackName,\s*ascent: font\.ascent,\s*descent: font\.descent,\s*vertical: font\.vertical)(\s*\};)/;

function main() {
  const require = createRequire(import.meta.url);
  let file;
  try {
    file = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  } catch {
    console.warn('patch-pdfjs: pdfjs-dist not installed; nothing patched');
    return;
  }
  const src = readFileSync(file, 'utf8');
  if (src.includes(MARKER)) return;
  const matches = src.match(new RegExp(ANCHOR.source, 'g')) ?? [];
  if (matches.length !== 1) {
    console.warn(`patch-pdfjs: ${matches.length} places to patch in ${file} (expected 1); left as it is. ` +
      'Font names then come from operator lists (slower).');
    return;
  }
  const tmp = `${file}.kommunrapport-${process.pid}.tmp`;
  try {
    writeFileSync(tmp, src.replace(ANCHOR, `$1,\n          ${MARKER}$2`));
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

try {
  main();
} catch (err) {
  console.warn(`patch-pdfjs: pdf.js left as it is (${err instanceof Error ? err.message : String(err)}). ` +
    'Font names then come from operator lists (slower).');
}
