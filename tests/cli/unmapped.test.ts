import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, seedFile } from '../compare/cli-helpers.js';

describe('kommunrapport unmapped', () => {
  let file: string;
  beforeAll(async () => {
    file = await seedFile();
  });

  it('lists the unmapped budget labels with count, best candidate and score', async () => {
    const r = await run(['unmapped', '--db', file, '--kind', 'budget', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { label: string; rows: number; candidate: string | null; score: number; reason: string }[];
    expect(rows.map((x) => [x.label, x.rows])).toEqual([
      ['Övrigt', 2], ['Arbetad tid (årsarbetare)', 1], ['E-hälsa', 1], ['Markberedning Krokstorp', 1],
    ]);
    expect(rows[1]).toMatchObject({ candidate: 'arbetsmarknad', reason: 'below-threshold' });
    expect(rows[1].score).toBeLessThan(0.92);
  });

  it('lists indicators too by default, as a table', async () => {
    const r = await run(['unmapped', '--db', file]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^kind\s+label\s+rows\s+documents\s+candidate\s+score\s+reason$/);
    expect(r.stdout).toMatch(/^indicator\s+Sjukfrånvaro totalt samtliga anställda/m);
  });

  it('says when the mappings were made with another taxonomy', async () => {
    const db = new Database(file);
    db.prepare(`UPDATE budget_row_map SET taxonomy = 'old' WHERE row = 1`).run();
    db.close();
    const r = await run(['unmapped', '--db', file, '--kind', 'budget']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/mappings were made with another taxonomy; re-import with --reparse/);
  });

  it('refuses a missing --db and an unknown kind with exit 2', async () => {
    expect((await run(['unmapped'])).stderr).toMatch(/missing --db FILE/);
    const r = await run(['unmapped', '--db', file, '--kind', 'goals']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown kind "goals"/);
  });
});
