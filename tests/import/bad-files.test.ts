/**
 * Issue 5, acceptance 3: every file in fixtures/bad/ (and the ones too big or too odd to
 * commit, made here) imported in one batch, each with its expected outcome: an import_errors
 * row with the code below, or a stored document with the warning below. The batch finishes
 * and the database passes PRAGMA integrity_check. fixtures/bad/README.md lists the same.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRuntimeExtras } from '../../fixtures/bad/build.js';
import { openReadOnly } from '../../src/store/index.js';
import { runImport, snapshot } from './helpers.js';

type Expected = { error: string } | { imported: true; warning?: RegExp } | { ignored: string };

/** A page without a text layer: flagged by the PDF reader, or by the OCR step when one runs. */
const NO_TEXT = /^(pdf:no-text-layer|ocr:[a-z-]+)$/;

/** Keyed by the path under fixtures/bad/. */
const EXPECTED: Record<string, Expected> = {
  'empty.txt': { error: 'input:empty' },
  'empty.pdf': { error: 'input:empty' },
  'whitespace-only.txt': { imported: true },
  'bom-only.txt': { imported: true },
  'random-bytes.pdf': { error: 'pdf:not-pdf' },
  'random-bytes.txt': { error: 'text:binary' },
  'not-a-pdf.pdf': { error: 'pdf:not-pdf' },
  'truncated.pdf': { error: 'pdf:corrupt' },
  'header-only.pdf': { error: 'pdf:corrupt' },
  'encrypted.pdf': { error: 'pdf:encrypted' },
  'pdf-named.txt': { imported: true, warning: /^input:wrong-extension$/ },
  'no-pages.pdf': { imported: true, warning: NO_TEXT },
  'image-only.pdf': { imported: true, warning: NO_TEXT },
  'many-items.pdf': { imported: true },
  'latin1.txt': { imported: true, warning: /^text:legacy-encoding$/ },
  'utf16le-bom.txt': { imported: true },
  'utf16le-no-bom.txt': { error: 'text:binary' },
  'control-chars.txt': { error: 'text:binary' },
  'wide-table-500-columns.txt': { imported: true },
  'deep-nesting.md': { imported: true },
  'html-as-md.md': { imported: true },
  'legacy-word.doc': { error: 'docx:legacy-doc' },
  'docx/bad-deflate.docx': { error: 'docx:corrupt-zip' },
  'docx/bomb-actual.docx': { error: 'docx:corrupt' },
  'docx/bomb-declared.docx': { error: 'docx:too-large' },
  'docx/broken-xml.docx': { error: 'docx:corrupt' },
  'docx/empty.docx': { error: 'input:empty' },
  'docx/encrypted.docx': { error: 'docx:encrypted' },
  'docx/entity-bomb.docx': { error: 'docx:corrupt' },
  'docx/legacy.doc': { error: 'docx:legacy-doc' },
  'docx/no-document.docx': { error: 'docx:no-document' },
  'docx/no-main-part.docx': { error: 'docx:no-document' },
  'docx/pdf-renamed.docx': { error: 'pdf:corrupt' },
  'docx/plain-text.docx': { error: 'docx:not-zip' },
  'docx/truncated.docx': { error: 'docx:not-zip' },
  'docx/zip-encrypted-entry.docx': { error: 'docx:encrypted' },
  // Made at run time (buildRuntimeExtras); the import runs with --max-memory 256.
  'big-50mb.txt': { error: 'import:out-of-memory' },
  'one-long-line.txt': { imported: true, warning: /^text:long-line$/ },
  'folder-named.pdf/inside.txt': { imported: true },
  // A path argument that cannot be opened is reported (stderr, --report) but has no file to record.
  'loop.txt': { error: 'input:not-found' },
};

const NOT_INPUTS = new Set(['README.md', 'build.ts', 'docx/README.md', 'docx/hostile.build.ts']);
const dir = mkdtempSync(join(tmpdir(), 'kr-bad-'));
const bad = join(dir, 'bad');
let result: Awaited<ReturnType<typeof runImport>>;
let report: { failures: Array<{ path: string; code: string }>; imported: number; failed: number };

function listFiles(root: string, sub = ''): string[] {
  return readdirSync(join(root, sub)).flatMap((name) => {
    const rel = sub ? `${sub}/${name}` : name;
    return statSync(join(root, rel)).isDirectory() ? listFiles(root, rel) : [rel];
  });
}

beforeAll(async () => {
  cpSync('fixtures/bad', bad, { recursive: true });
  buildRuntimeExtras(bad);
  // .doc files and the link loop are not taken by a folder walk, so they are named as well.
  result = await runImport([
    bad, join(bad, 'legacy-word.doc'), join(bad, 'docx', 'legacy.doc'), join(bad, 'loop.txt'),
    '--db', join(dir, 'bad.sqlite'), '--report', join(dir, 'report.json'),
    '--max-memory', '256', '--timeout', '300', '--jobs', '2', '--quiet',
  ]);
  report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fixtures/bad', () => {
  it('has an expected outcome for every file', () => {
    const files = listFiles('fixtures/bad').filter((f) => !NOT_INPUTS.has(f));
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const f of files) expect(EXPECTED, f).toHaveProperty([f]);
  });

  it('finishes the batch (exit 1: some files failed) with a sound database', () => {
    expect(result.code, result.stderr).toBe(1);
    expect(snapshot(join(dir, 'bad.sqlite')).integrity).toBe('ok');
  });

  it('gives every file its expected outcome', () => {
    const db = openReadOnly(join(dir, 'bad.sqlite'));
    const errorOf = new Map((db.prepare('SELECT path, code FROM import_errors').all() as Array<{ path: string; code: string }>)
      .map((e) => [relative(bad, e.path), e.code]));
    const docs = db.prepare('SELECT id, path FROM documents').all() as Array<{ id: number; path: string }>;
    const docOf = new Map(docs.map((d) => [relative(bad, d.path), d.id]));
    const warningsOf = db.prepare('SELECT code FROM warnings WHERE document_id = ?');
    const outcomes: Record<string, string> = {};
    for (const [file, want] of Object.entries(EXPECTED)) {
      if ('error' in want) {
        const reported = report.failures.find((f) => relative(bad, f.path) === file)?.code;
        outcomes[file] = errorOf.get(file) ?? reported ?? (docOf.has(file) ? 'imported' : 'nothing');
        expect(outcomes[file], file).toBe(want.error);
      } else if ('imported' in want) {
        expect(docOf.has(file), `${file} imported (error: ${errorOf.get(file)})`).toBe(true);
        if (want.warning) {
          const codes = (warningsOf.all(docOf.get(file)) as Array<{ code: string }>).map((w) => w.code);
          expect(codes.some((c) => want.warning!.test(c)), `${file}: ${codes.join(', ')}`).toBe(true);
        }
      }
    }
    db.close();
    // The report lists the same failures as the table.
    const recorded = report.failures.filter((f) => f.code !== 'input:not-found');
    expect(report.failed).toBe(errorOf.size + 1);
    expect(new Set(recorded.map((f) => relative(bad, f.path)))).toEqual(new Set(errorOf.keys()));
  });
});
