/** The golden helper: a record-level diff on mismatch, and rewriting limited to the named fixtures. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordDiff, selectedForUpdate } from '../helpers/golden.js';

const GOLDEN = 'fixtures/tyreso-2017-delarsrapport-augusti/report.txt.expected.json';

describe('golden helper', () => {
  it('prints an altered budget value as a field-level change, not as JSON', () => {
    const expected = JSON.parse(readFileSync(GOLDEN, 'utf8'));
    const actual = structuredClone(expected);
    actual.budget[1].value = 42899;
    actual.budget[1].text = '42 899';
    expect(recordDiff(expected, expected)).toEqual([]);
    expect(recordDiff(expected, actual)).toEqual([
      'budget: 73 -> 73 records; 0 lost, 0 added, 1 altered',
      '  ~ Gemensamt/Administration [Kostnad] = "-42 899"',
      '      text: "-42 899" -> "42 899"',
      '      value: -42899 -> 42899',
    ]);
  });

  it('selects fixtures by folder name or prefix, all when none is named', () => {
    expect(selectedForUpdate(GOLDEN, '')).toBe(true);
    expect(selectedForUpdate(GOLDEN, 'tyreso')).toBe(true);
    expect(selectedForUpdate(GOLDEN, 'hjo,ale')).toBe(false);
    expect(selectedForUpdate(GOLDEN, 'hjo tyreso-2017-delarsrapport-augusti')).toBe(true);
  });
});
