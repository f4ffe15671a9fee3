/**
 * Issue 7, acceptance 2: a parser rule broken on purpose shows up in eval and in diff-runs.
 *
 * The parser has no hook to switch a rule off, and this test must not edit parser source, so
 * the "new run" is made by transforming today's canonical document the way a broken rule would:
 *   1. the budget rule forgets the last column ("Avvikelse mot budget") of Hjo's tables, and
 *   2. the sign rule drops the minus of cost cells printed with one (Alingsås "Personalkostnader").
 * Then both the scores against the hand-written gold and the run-to-run diff must report it,
 * through the library and through the CLI (diff-runs on two folders and on two SQLite files).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../src/model/document.js';
import { extractFile, withWarnings } from '../../src/pipeline/extract.js';
import { loadGold } from '../../src/eval/evaluate.js';
import { scoreDocument } from '../../src/eval/score-doc.js';
import { diffDocuments, diffRuns } from '../../src/eval/diff.js';
import { openWritable, writeDocument } from '../../src/store/index.js';

const BIN = 'bin/kommunrapport.js';
const HJO = 'fixtures/hjo-2016-verksamhetsuppfoljning';
const ALINGSAS = 'fixtures/alingsas-2019-varbokslut';

const clone = (d: CanonicalDocument): CanonicalDocument => JSON.parse(JSON.stringify(d));

/** Broken rule 1: budget records of the "Avvikelse mot budget" column are never made. */
function dropColumn(doc: CanonicalDocument, column: string): CanonicalDocument {
  const d = clone(doc);
  d.budget = d.budget.filter((b) => b.column !== column);
  return d;
}

/** Broken rule 2: a printed minus is lost for one row label. */
function loseMinus(doc: CanonicalDocument, label: string): CanonicalDocument {
  const d = clone(doc);
  for (const b of d.budget) {
    if (b.label !== label || b.value == null || b.value >= 0) continue;
    b.value = -b.value;
    b.valueTkr = b.valueTkr == null ? null : -b.valueTkr;
    b.text = b.text.replace(/^[-−–]\s?/, '');
  }
  return d;
}

describe('a parser rule broken on purpose', async () => {
  const hjo = withWarnings(await extractFile(join(HJO, 'report.txt')));
  const alingsas = withWarnings(await extractFile(join(ALINGSAS, 'report.txt')));
  const hjoGold = loadGold(join(HJO, 'gold.json'));
  const alingsasGold = loadGold(join(ALINGSAS, 'gold.json'));
  const lostColumn = hjo.budget.filter((b) => b.column === 'Avvikelse mot budget').length;
  const goldInColumn = hjoGold.gold.budget_values.filter((g) => g.column === 'Avvikelse mot budget').length;
  const flipped = alingsas.budget.filter((b) => b.label === 'Personalkostnader' && (b.value ?? 0) < 0).length;

  it('is scored as lost recall by eval (dropped column) and as lost precision and recall (lost minus)', () => {
    expect(lostColumn).toBeGreaterThan(0);
    expect(flipped).toBe(5); // l490: five of the six Personalkostnader cells are printed with a minus
    const before = scoreDocument(hjoGold, hjo).budget;
    const after = scoreDocument(hjoGold, dropColumn(hjo, 'Avvikelse mot budget')).budget;
    expect(before.recall).toBe(1);
    expect(after.recalled).toBe(before.recalled - goldInColumn);
    expect(after.misses.map((m) => m.gold).join('\n')).toContain('[Avvikelse mot budget]');
    expect(after.precision).toBe(1); // nothing wrong was extracted, only less

    const sBefore = scoreDocument(alingsasGold, alingsas).budget;
    const sAfter = scoreDocument(alingsasGold, loseMinus(alingsas, 'Personalkostnader')).budget;
    expect(sBefore.precision).toBe(1);
    expect(sAfter.recalled).toBe(sBefore.recalled - flipped);
    expect(sAfter.extracted - sAfter.correct).toBe(flipped); // five wrong values extracted
    expect(sAfter.misses[0].hint).toMatch(/label\+column found, other value/);
  });

  it('is reported by diff-runs as lost records and as altered values, field by field', () => {
    const d1 = diffDocuments(hjo, dropColumn(hjo, 'Avvikelse mot budget'));
    expect(d1.kinds.map((k) => k.kind)).toEqual(['budget']);
    expect(d1.kinds[0].lost).toHaveLength(lostColumn);
    expect(d1.kinds[0].added).toEqual([]);
    expect(d1.kinds[0].lost).toContain('Summa [Avvikelse mot budget] = "+ 1 060"');

    const d2 = diffDocuments(alingsas, loseMinus(alingsas, 'Personalkostnader'));
    const altered = d2.kinds[0].altered;
    expect(altered).toHaveLength(flipped);
    const budget2019 = altered.find((a) => a.key === 'Personalkostnader | Budget 2019 | 2019') ?? altered[0];
    expect(budget2019.changes.map((c) => c.field).sort()).toEqual(['text', 'value', 'valueTkr']);
    expect(budget2019.changes.find((c) => c.field === 'value')).toEqual({ field: 'value', old: -147433, new: 147433 });
  });

  it('shows through the CLI: diff-runs --dir and --db name the document and the records', () => {
    const root = mkdtempSync(join(tmpdir(), 'kr-regress-'));
    const [oldDir, newDir] = [join(root, 'old'), join(root, 'new')];
    mkdirSync(oldDir);
    mkdirSync(newDir);
    writeFileSync(join(oldDir, 'hjo.json'), JSON.stringify(hjo));
    writeFileSync(join(newDir, 'hjo.json'), JSON.stringify(dropColumn(hjo, 'Avvikelse mot budget')));
    writeFileSync(join(oldDir, 'alingsas.json'), JSON.stringify(alingsas));
    writeFileSync(join(newDir, 'alingsas.json'), JSON.stringify(loseMinus(alingsas, 'Personalkostnader')));

    const r = spawnSync('node', [BIN, 'diff-runs', '--dir', oldDir, '--dir', newDir], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^2 changed, 0 unchanged/);
    expect(r.stdout).toContain(`budget: ${hjo.budget.length} -> ${hjo.budget.length - lostColumn} records; ${lostColumn} lost, 0 added, 0 altered`);
    expect(r.stdout).toContain('  - Summa [Avvikelse mot budget] = "+ 1 060"');
    expect(r.stdout).toContain('  ~ Personalkostnader [Budget 2019] = "-147 433"');
    expect(r.stdout).toContain('      value: -147433 -> 147433');

    for (const [name, docs] of [['old.sqlite', [hjo, alingsas]], ['new.sqlite', [dropColumn(hjo, 'Avvikelse mot budget'), alingsas]]] as const) {
      const db = openWritable(join(root, name));
      for (const d of docs) writeDocument(db, d, { parserVersion: 'test', importedAt: '2020-01-01T00:00:00Z' });
      db.close();
    }
    const j = spawnSync('node', [BIN, 'diff-runs', '--db', join(root, 'old.sqlite'), '--db', join(root, 'new.sqlite'), '--json'], { encoding: 'utf8' });
    expect(j.status).toBe(0);
    const out = JSON.parse(j.stdout);
    expect(out).toMatchObject({ changed: 1, unchanged: 1, onlyOld: 0, onlyNew: 0 });
    const changed = out.documents.find((d: { status: string }) => d.status === 'changed');
    expect(changed.path).toContain('hjo-2016');
    expect(changed.diff.kinds[0]).toMatchObject({ kind: 'budget', lost: expect.arrayContaining(['Summa [Avvikelse mot budget] = "+ 1 060"']) });
  });

  it('leaves an unchanged run unchanged', () => {
    expect(diffRuns([{ origin: 'a', doc: hjo }], [{ origin: 'b', doc: clone(hjo) }])).toMatchObject({ changed: 0, unchanged: 1 });
  });
});
