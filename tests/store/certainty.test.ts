/**
 * Values read from flattened text keep how sure their split is into SQL (migration 004):
 * 'certain' or 'inferred' on budget_values and indicator_values; NULL for printed grids.
 */
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline/extract.js';
import { writeDocument } from '../../src/store/write-document.js';
import { columnsOf, createDb } from './db.js';

const INFO = { parserVersion: 'test', importedAt: '2026-11-23T00:00:00Z' };

async function stored(file: string): Promise<Record<string, number>> {
  const db = createDb();
  writeDocument(db, (await extractFile(file)).value, INFO);
  const rows = db.prepare(`SELECT coalesce(certainty, 'null') AS c, count(*) AS n FROM budget_values GROUP BY c`).all() as Array<{ c: string; n: number }>;
  db.close();
  return Object.fromEntries(rows.map((r) => [r.c, r.n]));
}

describe('certainty in the store', () => {
  it('adds the column to both value tables', () => {
    const db = createDb();
    expect(columnsOf(db, 'budget_values')).toContain('certainty');
    expect(columnsOf(db, 'indicator_values')).toContain('certainty');
    db.close();
  });

  it('stores certain and inferred values of a flattened text, and nothing without a certainty', async () => {
    const counts = await stored('fixtures/flat/real/Bokslut_2025-flat.txt');
    expect(counts.null).toBeUndefined();
    expect(counts.certain).toBeGreaterThan(100);
    expect(counts.inferred).toBeGreaterThan(0);
  });

  it('stores NULL for values read from a tab-separated grid', async () => {
    expect(Object.keys(await stored('fixtures/hjo-2016-verksamhetsuppfoljning/report.txt'))).toEqual(['null']);
  });
});

describe('goal kinds in the store', () => {
  it('stores revision criticism with its organ, keeps it in v_goals and out of the assessment shares', async () => {
    const { sampleDocument } = await import('./sample-document.js');
    const doc = sampleDocument();
    doc.goals.push({
      sectionId: '#/sections/0', level: 'Revisionskritik', text: 'Kritik riktas till grundskolenämnden',
      assessmentText: 'kritik mot grundskolenämnden i form av en anmärkning', assessment: 'unknown',
      kind: 'revision_criticism', organ: 'grundskolenämnden', tableId: null, page: 7, line: null,
    });
    const db = createDb();
    writeDocument(db, doc, INFO);
    expect(db.prepare(`SELECT kind, goal_organ FROM v_goals ORDER BY kind`).all()).toEqual([
      { kind: 'goal', goal_organ: null },
      { kind: 'revision_criticism', goal_organ: 'grundskolenämnden' },
    ]);
    expect(db.prepare(`SELECT assessment, goals FROM v_goal_assessment_shares`).all()).toEqual([{ assessment: 'partly_met', goals: 1 }]);
    db.close();
  });
});
