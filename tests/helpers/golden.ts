/**
 * Golden files: fixtures/<name>/<input>.expected.json holds the canonical document.
 * On mismatch the test prints a record-level diff (src/eval/diff.ts, the one diff-runs uses):
 * per record kind what was lost (-), added (+) and altered (~ with the fields that changed),
 * provenance included, not a wall of JSON.
 * UPDATE=1 rewrites; GOLDEN=name[,name…] limits the rewrite to those fixtures (folder names or
 * their prefixes). `npm run golden:update -- name…` sets both; CI refuses UPDATE.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { CanonicalDocument } from '../../src/model/document.js';
import { diffDocuments, renderDocDiff } from '../../src/eval/diff.js';

export const updating = () => process.env.UPDATE === '1' && process.env.CI !== 'true';

/** Numbers rounded so tiny float noise in PDF coordinates never fails a golden test. */
function stable(doc: CanonicalDocument): unknown {
  return JSON.parse(JSON.stringify(doc, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v)));
}

const isDocument = (x: any): x is CanonicalDocument =>
  !!x && typeof x === 'object' && Array.isArray(x.budget) && Array.isArray(x.indicators) && x.meta && x.source;

/** Lines describing how `actual` differs from `expected`; [] when they are equal. */
export function recordDiff(expected: any, actual: any, limit = 15): string[] {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return [];
  if (!isDocument(expected) || !isDocument(actual)) {
    return [`document shape changed: ${JSON.stringify(expected)?.slice(0, 200)} -> ${JSON.stringify(actual)?.slice(0, 200)}`];
  }
  const out = renderDocDiff(diffDocuments(expected, actual, { provenance: true }), limit, '');
  // Keys outside the record kinds (a new top-level field, a changed source path).
  const [e, a] = [expected as Record<string, unknown>, actual as Record<string, unknown>];
  for (const key of Object.keys({ ...e, ...a })) {
    if (['meta', 'source', 'schemaVersion', 'sections', 'tables', 'budget', 'indicators', 'activities', 'goals', 'warnings'].includes(key)) continue;
    if (JSON.stringify(e[key]) !== JSON.stringify(a[key])) out.push(`${key}: ${JSON.stringify(e[key])?.slice(0, 200)} -> ${JSON.stringify(a[key])?.slice(0, 200)}`);
  }
  return out.length ? out : ['documents differ in a way the record diff does not show (key order?)'];
}

/** The fixtures GOLDEN names ("hjo" or "hjo-2016-verksamhetsuppfoljning"); all when unset. */
export function selectedForUpdate(path: string, golden = process.env.GOLDEN ?? ''): boolean {
  const names = golden.split(/[\s,]+/).filter(Boolean);
  const fixture = basename(dirname(path));
  return names.length === 0 || names.some((n) => fixture === n || fixture.startsWith(n));
}

export function compareGolden(path: string, doc: CanonicalDocument): string[] {
  const actual = stable(doc);
  if (updating() && selectedForUpdate(path)) {
    writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
    return [];
  }
  if (!existsSync(path)) return [`${path} is missing (create it with npm run golden:update -- ${basename(dirname(path))} after checking the output against the report)`];
  const expected = JSON.parse(readFileSync(path, 'utf8'));
  const diff = recordDiff(expected, actual);
  return diff.length ? [`[${path}] differs from the extraction (- golden only, + extraction only, ~ altered: golden -> extraction):`, ...diff.map((l) => `[${path}] ${l}`)] : [];
}
