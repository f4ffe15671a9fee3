import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceDoc, type LineBlock, type Result } from '../../../src/model/index.js';
import { readPdf } from '../../../src/readers/pdf/read-pdf.js';
import { bestMatch, FIXTURES, norm, readTruth } from './helpers.js';

const NAMES = [
  'ale-2016-uppfoljningsrapport-augusti',
  'alingsas-2019-varbokslut',
  'hjo-2016-verksamhetsuppfoljning',
  'molndal-2017-verksamhetsberattelse',
  'tyreso-2017-delarsrapport-augusti',
];

describe.each(NAMES)('[%s] report.pdf', (name) => {
  const truth = readTruth(name);
  let result: Result<SourceDoc>;
  beforeAll(async () => {
    result = await readPdf(new Uint8Array(readFileSync(path.join(FIXTURES, name, 'report.pdf'))));
  });

  it('is a valid SourceDoc with no diagnostics', () => {
    expect(SourceDoc.safeParse(result.value).success).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(result.value.pages).toHaveLength(truth.pdf_page_count);
  });

  it('finds every truth table with ≥95% equal cells', () => {
    let equal = 0;
    let total = 0;
    for (const t of truth.tables) {
      const m = bestMatch(result.value, t);
      expect(m.block, `[${name}] table ${t.index} on p${t.pdf_pages.join(',')}`).not.toBeNull();
      expect(m.equal / m.total, `[${name}] table ${t.index}`).toBeGreaterThanOrEqual(0.5);
      equal += m.equal;
      total += m.total;
    }
    console.log(`[${name}] cell agreement ${(100 * equal / total).toFixed(1)}% (${equal}/${total}) over ${truth.tables.length} tables`);
    expect(equal / total).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves no running header or footer in any block', () => {
    const pages = truth.pdf_page_count;
    const texts = result.value.blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : b.rows.flat().map((c) => c.text)));
    for (const tpl of [truth.page_header, truth.page_footer]) {
      if (!tpl) continue;
      for (let p = 1; p <= pages; p++) {
        const s = norm(tpl.replace('{page}', String(p)).replace('{pages}', String(pages)));
        const hit = texts.find((t) => norm(t) === s || norm(t).includes(s));
        expect(hit, `[${name}] furniture "${s}"`).toBeUndefined();
      }
    }
    if (truth.page_footer?.includes('{page}')) {
      expect(result.value.pages.map((p) => p.label)).toEqual(result.value.pages.map((p) => String(p.number)));
    }
  });

  it('gives every truth heading its own line block, larger or bold', () => {
    const lines = result.value.blocks.filter((b): b is LineBlock => b.kind === 'line');
    const sizes = new Map<number, number>();
    for (const l of lines) sizes.set(l.fontSize ?? 0, (sizes.get(l.fontSize ?? 0) ?? 0) + l.text.length);
    const body = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    for (const h of truth.headings) {
      const found = lines.filter((l, k) => norm(l.text) === norm(h.text) ||
        norm(`${l.text} ${lines[k + 1]?.text ?? ''}`) === norm(h.text));
      expect(found.length, `[${name}] heading "${h.text}"`).toBeGreaterThan(0);
      const styled = found.some((l) => l.bold || (l.fontSize ?? 0) > body);
      expect(styled, `[${name}] heading "${h.text}" looks like body text`).toBe(true);
    }
  });
});
