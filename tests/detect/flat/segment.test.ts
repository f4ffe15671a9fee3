import { describe, expect, it } from 'vitest';
import { readings, splitTail } from '../../../src/detect/flat/segment.js';

const texts = (tail: string, mode: 'spaced' | 'glued', maxValues: number) =>
  readings(tail, { mode, maxValues, cap: 1000 }).filter((r) => r.length === maxValues).map((r) => r.map((p) => p.text));

describe('splitTail', () => {
  it('should cut the label from the numbers of a flattened row', () => {
    expect(splitTail('Nettokostnader 20 571 20 869 21 930 22 053 1 060', 'spaced'))
      .toEqual({ label: 'Nettokostnader', tail: '20 571 20 869 21 930 22 053 1 060' });
  });

  it('should cut a glued row where the first sign or digit follows the label', () => {
    expect(splitTail('Intäkter-28 603-63 742-38 611-51 37625 131', 'glued'))
      .toEqual({ label: 'Intäkter', tail: '-28 603-63 742-38 611-51 37625 131' });
  });

  it('should find no tail in a line without numbers at the end', () => {
    expect(splitTail('Besluts-/verksamhets områden', 'spaced')).toBeNull();
    expect(splitTail('Besluts-/verksamhets områden', 'glued')).toBeNull();
  });
});

describe('readings', () => {
  it('should read a flattened Hjo row one way: 1–2 digit groups and signs must open values', () => {
    expect(texts('20 571 20 869 21 930 22 053 1 060', 'spaced', 5)).toEqual([['20 571', '20 869', '21 930', '22 053', '1 060']]);
  });

  it('should read the glued Hjo row one way: minus signs open values, groups have three digits', () => {
    expect(texts('-28 603-63 742-38 611-51 37625 131', 'glued', 5)).toEqual([['-28 603', '-63 742', '-38 611', '-51 376', '25 131']]);
  });

  it('should keep both readings of "3 245,1" (note 3 and 245,1, or 3 245,1)', () => {
    const all = readings('3 245,1', { mode: 'spaced', maxValues: 2, cap: 100 }).map((r) => r.map((p) => p.text));
    expect(all).toEqual([['3', '245,1'], ['3 245,1']]);
  });

  it('should not let a group open with 0 unless the value is 0', () => {
    expect(texts('0 309', 'spaced', 2)).toEqual([['0', '309']]);
    expect(readings('53 080', { mode: 'spaced', maxValues: 2, cap: 100 }).map((r) => r.map((p) => p.text))).toEqual([['53 080']]);
  });

  it('should read printed dashes as empty cells', () => {
    expect(texts('-9,6 - -', 'spaced', 3)).toEqual([['-9,6', '-', '-']]);
    expect(texts('-9,6--', 'glued', 3)).toEqual([['-9,6', '-', '-']]);
  });

  it('should let a per cent sign close a glued value', () => {
    expect(texts('182 149177 382102,7 %265 704', 'glued', 4)).toEqual([['182 149', '177 382', '102,7 %', '265 704']]);
  });

  it('should list every decimal split of glued decimals', () => {
    const all = texts('138,5203,1255,3', 'glued', 3);
    expect(all).toContainEqual(['138,5', '203,1', '255,3']);
    expect(all.length).toBeGreaterThan(1);
  });

  it('should keep a footnote star with the value it marks (Bokslut p33 "-400*")', () => {
    expect(texts('-400 -391 -397 -400* 11 10 9', 'spaced', 7)).toEqual([['-400', '-391', '-397', '-400*', '11', '10', '9']]);
    expect(texts('-400-391-397-400*11109', 'glued', 7)).toContainEqual(['-400', '-391', '-397', '-400*', '11', '10', '9']);
  });

  it('should read a minus set off by a space as a sign (Bokslut p33 "- 6 279")', () => {
    // Also "-" as a printed empty cell, "6 279", "-6 827 548": the recovery weighs the readings.
    expect(texts('- 6 279 -6 827 548', 'spaced', 3)).toContainEqual(['- 6 279', '-6 827', '548']);
    expect(texts('- 6 279-6 827548', 'glued', 3)).toContainEqual(['- 6 279', '-6 827', '548']);
    expect(splitTail('Allmän fritidsverksamhet- 6 279-6 827548', 'glued')).toEqual({ label: 'Allmän fritidsverksamhet', tail: '- 6 279-6 827548' });
  });

  it('should take a space in glued text as a gap where it cannot be a thousands space (Bokslut p21)', () => {
    // After decimals a space cannot group thousands: "0,709 0,694" are two values.
    expect(texts('4,8274,8120,0150,709 0,6940,015', 'glued', 6)).toContainEqual(['4,827', '4,812', '0,015', '0,709', '0,694', '0,015']);
    // Before three digits it still can: "37625 131" keeps "25 131" whole.
    expect(texts('-51 37625 131', 'glued', 2)).toEqual([['-51 376', '25 131']]);
  });
});
