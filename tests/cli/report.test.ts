import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, seedFile } from '../compare/cli-helpers.js';

describe('kommunrapport report', () => {
  let file: string;
  beforeAll(async () => {
    file = await seedFile();
  });

  it('writes one HTML page with four inline SVG charts and a table under each', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kommunrapport-report-')), 'report.html');
    const r = await run(['report', '--db', file, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/5 reports, written to/);
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(4);
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html.match(/<table>/g)!.length).toBe(5);
    expect(html).toContain('Individ- och familjeomsorg');
    expect(html).not.toMatch(/<script/);
  });

  it('refuses a missing --out with exit 2', async () => {
    const r = await run(['report', '--db', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing --out FILE/);
  });
});
