/** `kommunrapport eval` as users call it: a table per document and a total, JSON, thresholds as exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = 'bin/kommunrapport.js';
const run = (...args: string[]) => spawnSync('node', [BIN, 'eval', ...args], { encoding: 'utf8' });
const TYRESO = 'fixtures/tyreso-2017-delarsrapport-augusti';
const ALINGSAS = 'fixtures/alingsas-2019-varbokslut';

describe('kommunrapport eval', () => {
  it('prints precision and recall per record kind for each document, then a total', () => {
    const r = run(TYRESO, ALINGSAS, '--formats', 'txt');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${TYRESO}/report.txt  (gold: ${TYRESO}/gold.json)`);
    expect(r.stdout).toMatch(/kind +gold +found +extracted +correct +precision +recall +F1/);
    expect(r.stdout).toMatch(/\n  budget +73 +73 +73 +73 +100\.0% +100\.0% +100\.0%\n/);
    expect(r.stdout).toContain('TOTAL (2 documents; counts summed)');
  });

  it('prints JSON with --json and lists misses with --misses', () => {
    const r = run(join(TYRESO, 'report.txt'), '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.documents).toHaveLength(1);
    expect(out.documents[0].scores.budget).toMatchObject({ gold: 73, recalled: 73, precision: 1, recall: 1 });
    expect(out).toMatchObject({ pass: true, failures: [] });
    const m = run(join(ALINGSAS, 'report.txt'), '--misses', '2');
    expect(m.stdout).toContain('missed indicators');
  });

  it('exits 1 naming the score under its threshold', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-eval-'));
    const config = join(dir, 'strict.json');
    writeFileSync(config, JSON.stringify({ thresholds: { indicators: { recall: 0.99 } } }));
    const r = run(join(ALINGSAS, 'report.txt'), '--config', config);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/Below threshold \(1\):\n  fixtures\/alingsas-2019-varbokslut\/report.txt: indicators recall \d+\.\d% < 99\.0%/);
  });

  it('exits 2 on usage errors: no PATH, nothing with gold, a broken config', () => {
    expect(run().status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'kr-eval-'));
    expect(run(dir).status).toBe(2);
    writeFileSync(join(dir, 'bad.json'), '{"thresholds": {"budjet": {}}}');
    const r = run(TYRESO, '--config', join(dir, 'bad.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.json/);
  });
});
