/**
 * Flattened and glued versions of the seed reports (fixtures/flat/, made by
 * scripts/make-flat.ts) against the tab-separated seeds, which are the truth: issue 9's
 * acceptance, measured per fixture and over all of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFixtures } from '../../helpers/fixtures.js';
import { readText } from '../../../src/readers/text/read-text.js';
import { detectToc } from '../../../src/detect/toc.js';
import { detectTables } from '../../../src/detect/tables.js';
import { detectFlatTables } from '../../../src/detect/flat/index.js';
import { score, type Variant } from './measure.js';

const names = reportFixtures();
/** Acceptance: share of budget values back with the right row, column and value. */
const REQUIRED: Record<Variant, number> = { flat: 0.95, glued: 0.8 };

describe('fixtures/flat', () => {
  it.each(names)('should hold %s flattened and glued exactly as scripts/make-flat.ts makes them', (name) => {
    const seed = readFileSync(join('fixtures', name, 'report.txt'), 'utf8');
    expect(readFileSync(join('fixtures', 'flat', name, 'flat.txt'), 'utf8')).toBe(seed.replace(/\t/g, ' '));
    expect(readFileSync(join('fixtures', 'flat', name, 'glued.txt'), 'utf8')).toBe(seed.replace(/\t/g, ''));
  });
});

describe.each(['flat', 'glued'] as const)('%s variants', (variant) => {
  const scores = names.map((name) => ({ name, s: score(name, variant) }));

  it.each(names)('[%s] should mark no value certain that differs from the seed', (name) => {
    expect(scores.find((x) => x.name === name)!.s.certainWrong).toEqual([]);
  });

  it.each(names)('[%s] should warn (flat:inferred or flat:unresolved) on every budget row it did not get right', (name) => {
    expect(scores.find((x) => x.name === name)!.s.rowsWithoutWarning).toEqual([]);
  });

  it(`should bring back at least ${REQUIRED[variant] * 100} % of the budget values over all fixtures`, () => {
    const values = scores.reduce((n, x) => n + x.s.values, 0);
    const right = scores.reduce((n, x) => n + x.s.right, 0);
    expect(values).toBe(394);
    expect(right / values).toBeGreaterThanOrEqual(REQUIRED[variant]);
  });
});

describe('tab-separated seeds', () => {
  it.each(names)('[%s] should find no flattened table where the tab tables are', (name) => {
    const src = readText(readFileSync(join('fixtures', name, 'report.txt'))).value;
    const toc = detectToc(src.blocks);
    const tabs = detectTables(src.blocks, toc.blockIndices);
    const skip = new Set([...toc.blockIndices, ...tabs.tables.flatMap((t) => t.blockIndices)]);
    expect(detectFlatTables(src.blocks, skip)).toEqual({ tables: [], diagnostics: [] });
  });
});
