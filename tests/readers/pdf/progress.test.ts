import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadProgress } from '../../../src/readers/index.js';
import { readSource } from '../../../src/readers/index.js';
import { FIXTURES } from './helpers.js';

describe('read progress', () => {
  it('reports every PDF page as it is read (the import pool restarts a file\'s timeout on it)', async () => {
    const file = path.join(FIXTURES, 'tyreso-2017-delarsrapport-augusti', 'report.pdf');
    const seen: ReadProgress[] = [];
    const r = await readSource(new Uint8Array(readFileSync(file)), file, { onProgress: (p) => seen.push(p), maxPages: 6 });
    expect(r.value.pages).toHaveLength(6);
    expect(seen.map((p) => [p.stage, p.page, p.done, p.total])).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => ['read', n, n, 6]));
  });
});
