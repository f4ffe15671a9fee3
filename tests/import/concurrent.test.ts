/**
 * Issue 5, acceptance 2: two imports of overlapping folders into one database at the same
 * time both finish with exit 0 (no "database is locked"), and no document is stored twice.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { synthArchive } from '../../scripts/synth-archive.js';
import { openReadOnly } from '../../src/store/index.js';
import { sha256 } from '../../src/pipeline/extract.js';
import { snapshot, startImport } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'kr-concurrent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('two imports at once', () => {
  it('both exit 0 and every document is stored once', async () => {
    const shared = synthArchive({ out: join(dir, 'shared'), count: 14, pdfShare: 0, docxShare: 0.08, brokenEvery: 0, seed: 11 });
    const onlyA = synthArchive({ out: join(dir, 'a'), count: 8, pdfShare: 0.15, docxShare: 0, brokenEvery: 0, seed: 12 });
    const onlyB = synthArchive({ out: join(dir, 'b'), count: 8, pdfShare: 0, docxShare: 0, brokenEvery: 0, seed: 13 });
    // The same bytes under another name as well: the second copy must not become a second row.
    cpSync(join(dir, 'shared'), join(dir, 'b', 'copy-of-shared'), { recursive: true });
    const db = join(dir, 'both.sqlite');
    const a = startImport([join(dir, 'a'), join(dir, 'shared'), '--db', db, '--jobs', '1', '--quiet', '--report', join(dir, 'a.json')]);
    const b = startImport([join(dir, 'shared'), join(dir, 'b'), '--db', db, '--jobs', '1', '--quiet', '--report', join(dir, 'b.json')]);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);

    const all = [...shared.files, ...onlyA.files, ...onlyB.files];
    const shas = new Set(all.map((f) => sha256(readFileSync(f))));
    const s = snapshot(db);
    expect(s.integrity).toBe('ok');
    expect(s.errors).toEqual([]);
    expect(s.counts.documents).toBe(shas.size);
    expect(new Set(Object.keys(s.perDocument))).toEqual(shas);
    const h = openReadOnly(db);
    const dup = h.prepare('SELECT sha256, count(*) AS n FROM documents GROUP BY sha256 HAVING n > 1').all();
    h.close();
    expect(dup).toEqual([]);
    // Between them they imported each document once or, when both got to it, skipped it at write time.
    const ja = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    const jb = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(ja.imported + jb.imported).toBe(shas.size);
  }, 300_000);
});
