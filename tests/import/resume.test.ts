/**
 * Issue 5, acceptance 1: an import killed with SIGKILL midway (twice) and started again ends
 * with the same database as an uninterrupted run: the same documents, each with the same rows,
 * the same row counts per table, one error row per broken file. Ctrl-C stops cleanly (exit 130)
 * with what finished written.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthArchive } from '../../scripts/synth-archive.js';
import { documentCount, runImport, snapshot, startImport, waitFor } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'kr-resume-'));
const archive = join(dir, 'archive');
let stored = 0;
let broken = 0;
let reference: ReturnType<typeof snapshot>;

beforeAll(async () => {
  // 36 files: mostly text, a few PDFs and DOCX, every 12th broken.
  const made = synthArchive({ out: archive, count: 36, pdfShare: 0.07, docxShare: 0.05, brokenEvery: 12, seed: 5 });
  stored = made.files.length - made.broken.length;
  broken = made.broken.length;
  const r = await runImport([archive, '--db', join(dir, 'reference.sqlite'), '--quiet', '--jobs', '2']);
  expect(r.code, r.stderr).toBe(1); // the broken files fail
  reference = snapshot(join(dir, 'reference.sqlite'));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resume', () => {
  it('the uninterrupted run stored every readable file and one error row per broken one', () => {
    expect(reference.integrity).toBe('ok');
    expect(reference.counts.documents).toBe(stored);
    expect(reference.errors).toHaveLength(broken);
  });

  it('a run SIGKILLed twice midway and restarted ends equal to the uninterrupted run', async () => {
    const db = join(dir, 'killed.sqlite');
    for (const atLeast of [3, 15]) {
      const run = startImport([archive, '--db', db, '--quiet', '--jobs', '2']);
      await waitFor(() => documentCount(db) >= atLeast);
      run.child.kill('SIGKILL');
      const r = await run.done;
      expect(r.signal).toBe('SIGKILL');
      const mid = snapshot(db);
      expect(mid.integrity).toBe('ok');
      // Every document present is whole: its rows match the uninterrupted run's.
      for (const [sha, rows] of Object.entries(mid.perDocument)) expect(rows, sha).toBe(reference.perDocument[sha]);
      expect(mid.counts.documents).toBeLessThan(stored);
    }
    const last = await runImport([archive, '--db', db, '--quiet', '--jobs', '2', '--report', join(dir, 'resumed.json')]);
    expect(last.code, last.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'resumed.json'), 'utf8'));
    expect(report.skipped).toBeGreaterThanOrEqual(15);
    const final = snapshot(db);
    expect(final.perDocument).toEqual(reference.perDocument);
    expect(final.counts).toEqual(reference.counts);
    expect(final.errors).toEqual(reference.errors);
    expect(final.integrity).toBe('ok');
  });

  it('Ctrl-C stops after the files in flight, writes them, exits 130; a rerun finishes the batch', async () => {
    const db = join(dir, 'sigint.sqlite');
    const run = startImport([archive, '--db', db, '--jobs', '2', '--report', join(dir, 'sigint.json')]);
    await waitFor(() => documentCount(db) >= 3);
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stdout).toMatch(/interrupted/);
    const report = JSON.parse(readFileSync(join(dir, 'sigint.json'), 'utf8'));
    expect(report.interrupted).toBe(true);
    const mid = snapshot(db);
    expect(mid.integrity).toBe('ok');
    expect(mid.counts.documents).toBe(report.imported);
    expect(mid.counts.documents).toBeLessThan(stored);
    const rest = await runImport([archive, '--db', db, '--quiet']);
    expect(rest.code).toBe(1);
    expect(snapshot(db).perDocument).toEqual(reference.perDocument);
  });
});
