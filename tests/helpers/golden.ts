/**
 * Golden files: fixtures/<name>/<input>.expected.json holds the canonical document.
 * On mismatch the test prints a record-level diff (what was added, lost, altered), not a wall
 * of JSON. UPDATE=1 (npm run golden:update [names…]) rewrites; CI refuses UPDATE.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CanonicalDocument } from '../../src/model/document.js';

export const updating = () => process.env.UPDATE === '1' && process.env.CI !== 'true';

/** Numbers rounded so tiny float noise in PDF coordinates never fails a golden test. */
function stable(doc: CanonicalDocument): unknown {
  return JSON.parse(JSON.stringify(doc, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v)));
}

export function recordDiff(expected: any, actual: any): string[] {
  const out: string[] = [];
  for (const key of Object.keys({ ...expected, ...actual })) {
    const e = expected?.[key];
    const a = actual?.[key];
    if (JSON.stringify(e) === JSON.stringify(a)) continue;
    if (Array.isArray(e) && Array.isArray(a)) {
      const es = e.map((x) => JSON.stringify(x));
      const as = a.map((x) => JSON.stringify(x));
      const eset = new Set(es);
      const aset = new Set(as);
      const lost = es.filter((x) => !aset.has(x));
      const added = as.filter((x) => !eset.has(x));
      out.push(`${key}: ${e.length} → ${a.length} records, ${lost.length} lost/altered, ${added.length} added/altered`);
      for (const x of lost.slice(0, 8)) out.push(`  - ${x.slice(0, 300)}`);
      for (const x of added.slice(0, 8)) out.push(`  + ${x.slice(0, 300)}`);
    } else {
      out.push(`${key}: ${JSON.stringify(e)?.slice(0, 300)} → ${JSON.stringify(a)?.slice(0, 300)}`);
    }
  }
  return out;
}

export function compareGolden(path: string, doc: CanonicalDocument): string[] {
  const actual = stable(doc);
  const names = (process.env.GOLDEN ?? '').split(',').filter(Boolean);
  const selected = names.length === 0 || names.some((n) => path.includes(n));
  if (updating() && selected) {
    writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
    return [];
  }
  if (!existsSync(path)) return [`${path} is missing (create it with npm run golden:update after checking the output against the report)`];
  const expected = JSON.parse(readFileSync(path, 'utf8'));
  return recordDiff(expected, actual).map((l) => `[${path}] ${l}`);
}
