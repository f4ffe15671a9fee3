import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_VIEWS } from '../../src/compare/read.js';
import { run, seedFile } from '../compare/cli-helpers.js';

describe('kommunrapport export', () => {
  let file: string;
  beforeAll(async () => {
    file = await seedFile();
  });

  it('writes one CSV per view, UTF-8 with a byte-order mark so Excel reads å, ä, ö', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kommunrapport-export-'));
    const r = await run(['export', '--db', file, '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(EXPORT_VIEWS.map((v) => `${v}.csv`).sort());
    const bytes = readFileSync(join(out, 'v_area_summary.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\n')[0]).toBe(
      'municipality,municipality_code,year,report_type,organ,document_id,area,area_name,net_cost_tkr,net_cost_period,net_cost_basis,deviation_tkr,deviation_basis',
    );
    expect(text).toContain('Mölndal,1481,2017');
    expect(text).toContain('Äldreomsorg');
  });

  it('writes JSON on request, without a byte-order mark', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kommunrapport-export-'));
    expect((await run(['export', '--db', file, '--out', out, '--format', 'json'])).code).toBe(0);
    const text = readFileSync(join(out, 'v_goal_assessment_shares.json'), 'utf8');
    expect(text.charCodeAt(0)).toBe('['.charCodeAt(0));
    const rows = JSON.parse(text) as { municipality: string; assessment: string; share: number }[];
    expect(rows.find((x) => x.municipality === 'Tyresö' && x.assessment === 'partly_met')?.share).toBe(0.625);
  });

  it('refuses an unknown format and a missing --out with exit 2', async () => {
    expect((await run(['export', '--db', file, '--out', '/tmp/x', '--format', 'xlsx'])).code).toBe(2);
    expect((await run(['export', '--db', file])).stderr).toMatch(/missing --out DIR/);
  });
});
