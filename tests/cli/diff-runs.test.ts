/** `kommunrapport diff-runs` usage; the change report itself is tested in tests/eval/regression.test.ts. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync('node', ['bin/kommunrapport.js', 'diff-runs', ...args], { encoding: 'utf8' });

describe('kommunrapport diff-runs', () => {
  it('finds nothing changed between a folder and itself (fixtures/ holds the golden documents)', () => {
    const r = run('--dir', 'fixtures', '--dir', 'fixtures');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^0 changed, [1-9]\d* unchanged, 0 only in OLD, 0 only in NEW\n$/);
  });

  it('exits 2 unless given two --db or two --dir', () => {
    expect(run('--dir', 'fixtures').status).toBe(2);
    expect(run('--db', 'a.sqlite', '--dir', 'fixtures').status).toBe(2);
    const r = run('--db', 'no-such-old.sqlite', '--db', 'no-such-new.sqlite');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^diff-runs: no-such-old\.sqlite: /);
  });
});
