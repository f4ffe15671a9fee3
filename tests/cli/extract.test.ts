/** The CLI as users call it: JSON on stdout that validates, errors as one line and exit 2. */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CanonicalDocument } from '../../src/model/document.js';
import { inputPath, reportFixtures } from '../helpers/fixtures.js';

const BIN = 'bin/kommunrapport.js';
const CONTRACT_KEYS = ['schemaVersion', 'source', 'meta', 'sections', 'tables', 'activities', 'indicators', 'budget', 'goals', 'warnings'];

describe('kommunrapport extract', () => {
  for (const name of reportFixtures()) {
    it(`prints a valid canonical document for ${name}/report.txt`, () => {
      const out = execFileSync('node', [BIN, 'extract', inputPath(name, 'txt'), '--quiet'], { encoding: 'utf8' });
      const json = JSON.parse(out);
      expect(Object.keys(json).sort()).toEqual([...CONTRACT_KEYS].sort());
      expect(() => CanonicalDocument.parse(json)).not.toThrow();
    });
  }

  it('exits 2 with one line on stderr for an unreadable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kr-cli-'));
    const bad = join(dir, 'empty.pdf');
    writeFileSync(bad, '');
    const r = spawnSync('node', [BIN, 'extract', bad], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/empty/);
  });

  it('renders Markdown with --format md', () => {
    const out = execFileSync('node', [BIN, 'extract', inputPath('tyreso-2017-delarsrapport-augusti', 'txt'), '--format', 'md', '--quiet'], { encoding: 'utf8' });
    expect(out).toContain('| IFO Myndighet Tkr | Intäkt | Kostnad | Resultat | Prognos |');
  });

  it('exits 2 on an unknown command', () => {
    expect(spawnSync('node', [BIN, 'frobnicate'], { encoding: 'utf8' }).status).toBe(2);
  });
  it('stops quietly when the reader of its output goes away (extract … | head)', () => {
    const r = spawnSync('sh', ['-c', `node ${BIN} extract ${inputPath('molndal-2017-verksamhetsberattelse', 'txt')} | head -c 10 >/dev/null; echo "rc=$?"`], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});
