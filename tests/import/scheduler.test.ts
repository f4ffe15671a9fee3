/**
 * Decisions of the import loop: skip / import / reparse by parser version, --dry-run writes
 * nothing, the same bytes under two names are stored once, a file over the time limit is an
 * import:timeout row, and a batch that meets a held write lock waits and retries.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/cli/import.js';
import { compareVersions, decide } from '../../src/import/scheduler.js';
import { BatchWriter } from '../../src/import/writer.js';
import { extractFile, PARSER_VERSION } from '../../src/pipeline/extract.js';
import { countRows, openWritable } from '../../src/store/index.js';
import { inputPath } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'kr-sched-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { stdout: () => {}, stderr: () => {} };
const hjo = inputPath('hjo-2016-verksamhetsuppfoljning', 'txt');
const opts = { jobs: 1, dryRun: false, io: quiet, progress: false };

describe('decide', () => {
  it('imports the new, skips the same version, reparses the older only when asked', () => {
    expect(decide(null, '0.2.0', false).decision).toBe('import');
    expect(decide('0.2.0', '0.2.0', true).decision).toBe('skip');
    expect(decide('0.1.0', '0.2.0', false)).toEqual({ decision: 'skip', stale: true });
    expect(decide('0.1.0', '0.2.0', true).decision).toBe('reparse');
    expect(decide('0.3.0', '0.2.0', true)).toEqual({ decision: 'skip', stale: false });
  });

  it('compares dotted versions by number', () => {
    expect(compareVersions('0.10.0', '0.9.1')).toBe(1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('0.1.0', '0.1.1')).toBe(-1);
  });
});

describe('import decisions', () => {
  it('skips a document stored by an older parser version unless --reparse, which replaces it', async () => {
    const db = openWritable(join(dir, 'reparse.sqlite'));
    expect(await importFiles(db, [hjo], opts)).toMatchObject({ imported: 1 });
    const counts = countRows(db);
    db.prepare('UPDATE documents SET parser_version = ?').run('0.0.1');
    const plain = await importFiles(db, [hjo], opts);
    expect(plain).toMatchObject({ imported: 0, skipped: 1 });
    expect(plain.report.stale).toBe(1);
    const dry = await importFiles(db, [hjo], { ...opts, dryRun: true, reparse: true });
    expect(dry.report.planned).toEqual({ import: 0, skip: 0, reparse: 1 });
    expect(db.prepare('SELECT parser_version AS v FROM documents').get()).toEqual({ v: '0.0.1' });
    const again = await importFiles(db, [hjo], { ...opts, reparse: true });
    expect(again).toMatchObject({ imported: 1, skipped: 0 });
    expect(again.report.reparsed).toBe(1);
    expect(db.prepare('SELECT parser_version AS v FROM documents').get()).toEqual({ v: PARSER_VERSION });
    expect(countRows(db)).toEqual(counts);
    db.close();
  });

  it('--dry-run lists what it would do and writes nothing', async () => {
    const db = openWritable(join(dir, 'dry.sqlite'));
    const lines: string[] = [];
    const s = await importFiles(db, [hjo, join(dir, 'missing.txt')], { ...opts, dryRun: true, io: { stdout: () => {}, stderr: (l) => lines.push(l) } });
    expect(s.report.planned).toEqual({ import: 1, skip: 0, reparse: 0 });
    expect(lines.join('')).toContain(`import ${hjo}`);
    expect(countRows(db).documents).toBe(0);
    expect(countRows(db).import_errors).toBe(0);
    db.close();
  });

  it('stores the same bytes under two names once', async () => {
    const db = openWritable(join(dir, 'dup.sqlite'));
    const copy = join(dir, 'copy-of-hjo.txt');
    copyFileSync(hjo, copy);
    const s = await importFiles(db, [hjo, copy], { ...opts, jobs: 2 });
    expect(s).toMatchObject({ imported: 1, skipped: 1, failed: 0 });
    expect(s.report.duplicates).toBe(1);
    expect(countRows(db).documents).toBe(1);
    db.close();
  });

  it('records a file over the time limit as import:timeout and goes on', async () => {
    const db = openWritable(join(dir, 'timeout.sqlite'));
    const pdf = inputPath('hjo-2016-verksamhetsuppfoljning', 'pdf');
    const s = await importFiles(db, [pdf], { ...opts, timeoutMs: 1 });
    expect(s).toMatchObject({ imported: 0, failed: 1 });
    expect(db.prepare('SELECT path, code FROM import_errors').all()).toEqual([{ path: pdf, code: 'import:timeout' }]);
    // A second failure of the same path replaces its row rather than adding one.
    await importFiles(db, [pdf], { ...opts, timeoutMs: 1 });
    expect(countRows(db).import_errors).toBe(1);
    db.close();
  });
});

describe('batch writer', () => {
  it('waits and retries a batch while another connection holds the write lock', async () => {
    const path = join(dir, 'busy.sqlite');
    const db = openWritable(path);
    db.pragma('busy_timeout = 0'); // meet SQLITE_BUSY at once instead of inside SQLite
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => other.exec('COMMIT'), 400);
    const doc = (await extractFile(hjo)).value;
    const writer = new BatchWriter(db, { parserVersion: PARSER_VERSION });
    let outcome: unknown;
    await writer.add({ kind: 'document', path: hjo, sha256: doc.source.sha256, doc }, (o) => { outcome = o; });
    await writer.flush();
    expect(outcome).toEqual({ status: 'imported' });
    expect(writer.busyRetries).toBeGreaterThan(0);
    other.close();
    db.close();
  });

  it('keeps the rest of a batch when one document in it fails', async () => {
    const db = openWritable(join(dir, 'partial.sqlite'));
    const doc = (await extractFile(hjo)).value;
    const broken = { ...doc, source: { ...doc.source, sha256: 'f'.repeat(64) }, sections: [doc.sections[0], doc.sections[0]] };
    const writer = new BatchWriter(db, { parserVersion: PARSER_VERSION });
    const outcomes: unknown[] = [];
    await writer.add({ kind: 'document', path: 'a', sha256: broken.source.sha256, doc: broken }, (o) => outcomes.push(o));
    await writer.add({ kind: 'document', path: 'b', sha256: doc.source.sha256, doc }, (o) => outcomes.push(o));
    await writer.flush();
    expect(outcomes[0]).toMatchObject({ status: 'failed', code: 'store:write-failed' });
    expect(outcomes[1]).toEqual({ status: 'imported' });
    expect(db.prepare('SELECT path FROM documents').all()).toEqual([{ path: 'b' }]);
    expect(db.prepare('SELECT path, code FROM import_errors').all()).toEqual([{ path: 'a', code: 'store:write-failed' }]);
    db.close();
  });
});
