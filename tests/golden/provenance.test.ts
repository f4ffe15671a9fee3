/**
 * Golden files checked against the report text, not against the code: every budget value,
 * indicator value and activity in a text golden file must stand in the source line it names,
 * and every budget table of the seeds must add up (rows against totals, deviation columns).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '../../src/model/document.js';
import { inputPath, reportFixtures } from '../helpers/fixtures.js';

const cellsOf = (line: string) => line.replace(/<\/?(b|sup)>/g, '').split('\t').map((c) => c.replace(/\*\*/g, '').trim());

describe('text golden files against their source lines', () => {
  for (const name of reportFixtures()) {
    const path = inputPath(name, 'txt');
    it(`${name}: each recorded value is printed on the line it cites`, () => {
      const lines = readFileSync(path, 'utf8').split(/\r?\n/);
      const doc = JSON.parse(readFileSync(`${path}.expected.json`, 'utf8')) as CanonicalDocument;
      const bad: string[] = [];
      const onLine = (line: number | null, text: string, what: string) => {
        if (line === null) { bad.push(`${what}: no line`); return; }
        const raw = lines[line - 1] ?? '';
        const src = cellsOf(raw).join('\t').normalize('NFKC');
        if (!src.includes(text.normalize('NFKC').split(/\s+/)[0])) bad.push(`${what} "${text}" not on line ${line}: ${raw.slice(0, 80)}`);
      };
      for (const b of doc.budget) onLine(b.line, b.text, `budget ${b.label}/${b.column}`);
      for (const i of doc.indicators) for (const v of i.values) onLine(i.line, v.text, `indicator ${i.name}/${v.column}`);
      for (const a of doc.activities) onLine(a.line, a.activity, 'activity');
      expect(bad, bad.slice(0, 10).join('\n')).toEqual([]);
    });
    it(`${name}: budget tables add up (no sum or deviation mismatch)`, () => {
      const doc = JSON.parse(readFileSync(`${path}.expected.json`, 'utf8')) as CanonicalDocument;
      const mismatches = doc.warnings.filter((w) => /^budget:.*mismatch$/.test(w.code));
      expect(mismatches).toEqual([]);
      expect(doc.budget.length + doc.indicators.length + doc.activities.length + doc.goals.length).toBeGreaterThan(0);
    });
  }
});
