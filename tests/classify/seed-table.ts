/**
 * Build a Table by hand from a seed report's lines (tab-separated cells), the way a text
 * reader and table detector would: blank lines skipped, rows padded to a rectangle, and
 * rowLines holding the 1-based source line of each row.
 */
import { readFileSync } from 'node:fs';
import type { Table } from '../../src/model/index.js';

import { seedPath } from '../helpers/paths.js';

export const SEED = {
  hjo: 'hjo-2016-verksamhetsuppfoljning.txt',
  tyreso: 'tyreso-2017-delarsrapport-augusti.txt',
  molndal: 'molndal-2017-verksamhetsberattelse.txt',
  alingsas: 'alingsas-2019-varbokslut.txt',
  ale: 'ale-2016-uppfoljningsrapport-augusti.txt',
} as const;

const cache = new Map<string, string[]>();

export function seedLines(file: string): string[] {
  if (!cache.has(file)) cache.set(file, readFileSync(seedPath(file), 'utf8').split('\n'));
  return cache.get(file)!;
}

export function seedTable(
  file: string,
  first: number,
  last: number,
  opts: { headerRows?: number; id?: string; caption?: string | null; unit?: Table['unit']; skip?: number[] } = {},
): Table {
  const lines = seedLines(file);
  const rows: string[][] = [];
  const rowLines: number[] = [];
  for (let n = first; n <= last; n++) {
    const text = lines[n - 1];
    if (text.trim() === '' || opts.skip?.includes(n)) continue;
    rows.push(text.split('\t'));
    rowLines.push(n);
  }
  const width = Math.max(...rows.map((r) => r.length));
  for (const r of rows) while (r.length < width) r.push('');
  return {
    id: opts.id ?? '#/tables/0',
    sectionId: null,
    kind: 'other',
    caption: opts.caption ?? null,
    unit: opts.unit ?? null,
    page: null,
    pageEnd: null,
    line: first,
    headerRows: opts.headerRows ?? 1,
    rows,
    rowLines,
  };
}
