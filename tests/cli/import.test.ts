/**
 * Import (issue 2 acceptance 5): importing the seeds twice leaves the same row counts, a failure
 * while writing leaves no partial document, and a broken file becomes an import_errors row.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/cli/import.js';
import { countRows, openWritable, writeDocument } from '../../src/store/index.js';
import { extractFile, PARSER_VERSION } from '../../src/pipeline/extract.js';
import { inputPath, reportFixtures } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'kr-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { stdout: () => {}, stderr: () => {} };
const seeds = () => reportFixtures().map((n) => inputPath(n, 'txt'));

describe('import', () => {
  it('is idempotent: a second import skips every file and leaves the same row counts', async () => {
    const db = openWritable(join(dir, 'twice.sqlite'));
    const first = await importFiles(db, seeds(), { jobs: 2, dryRun: false, io: quiet, progress: false });
    const counts = countRows(db);
    const second = await importFiles(db, seeds(), { jobs: 2, dryRun: false, io: quiet, progress: false });
    expect(first).toMatchObject({ imported: 5, skipped: 0, failed: 0 });
    expect(second).toMatchObject({ imported: 0, skipped: 5, failed: 0 });
    expect(countRows(db)).toEqual(counts);
    expect(counts.documents).toBe(5);
    expect(counts.budget_values).toBeGreaterThan(300);
    db.close();
  });

  it('records a broken file in import_errors and goes on with the batch', async () => {
    const db = openWritable(join(dir, 'broken.sqlite'));
    const bad = join(dir, 'broken.pdf');
    writeFileSync(bad, 'this is not a pdf at all');
    const s = await importFiles(db, [bad, inputPath('hjo-2016-verksamhetsuppfoljning', 'txt')], { jobs: 1, dryRun: false, io: quiet, progress: false });
    expect(s).toMatchObject({ imported: 1, failed: 1 });
    const errors = db.prepare('SELECT path, code FROM import_errors').all();
    expect(errors).toEqual([{ path: bad, code: 'pdf:not-pdf' }]);
    db.close();
  });

  it('leaves nothing of a document whose write fails midway', async () => {
    const db = openWritable(join(dir, 'fail.sqlite'));
    const doc = (await extractFile(seeds()[0])).value;
    expect(() => writeDocument(db, doc, { parserVersion: PARSER_VERSION, failAfterRows: 50 })).toThrow();
    const counts = countRows(db);
    for (const [table, n] of Object.entries(counts)) if (table !== 'import_errors') expect(n, table).toBe(0);
    db.close();
  });
});
