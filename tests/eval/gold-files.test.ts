/**
 * The gold files themselves: every one parses, and every item of a seed's gold.json stands on
 * the report.txt line it cites (its text is one of that line's tab cells, its label the row's),
 * so a gold file cannot drift from the source it was read from.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGold, GoldFileError } from '../../src/eval/gold-schema.js';
import { labelKey } from '../../src/eval/text.js';
import { reportFixtures } from '../helpers/fixtures.js';

const strip = (s: string) => s.replace(/<sup>[^<]*<\/sup>|<\/?b>|<\/?i>|\*\*\*?/g, '').replace(/\s+/g, ' ').trim();

describe('gold files', () => {
  const real = existsSync('fixtures/real') ? readdirSync('fixtures/real').filter((f) => f.endsWith('.gold.json')) : [];
  for (const f of real) {
    it(`fixtures/real/${f} parses`, () => {
      expect(() => parseGold(readFileSync(join('fixtures/real', f), 'utf8'), f)).not.toThrow();
    });
  }

  for (const name of reportFixtures()) {
    const path = join('fixtures', name, 'gold.json');
    it(`${name}/gold.json lists every item on the line it cites`, () => {
      expect(existsSync(path), `${path} is missing`).toBe(true);
      const gold = parseGold(readFileSync(path, 'utf8'), path);
      const lines = readFileSync(join('fixtures', name, 'report.txt'), 'utf8').split('\n');
      const items = [
        ...gold.gold.budget_values.map((g) => ({ line: g.line, label: g.row, text: g.text })),
        ...gold.gold.indicator_values.map((g) => ({ line: g.line, label: g.indicator, text: g.text })),
      ];
      expect(items.length).toBeGreaterThan(0);
      const bad = items.filter((g) => {
        const cells = (lines[(g.line ?? 0) - 1] ?? '').split('\t').map(strip);
        return !cells.includes(g.text) || !cells.some((c) => labelKey(c) === labelKey(g.label));
      });
      expect(bad.map((g) => `l${g.line} ${g.label} = ${g.text}`)).toEqual([]);
      expect(gold.complete).toEqual(['budget', 'indicators']);
    });
  }

  it('rejects a misspelt field and names it', () => {
    const text = JSON.stringify({ gold: { budget_values: [{ row: 'Summa', colum: '2016', text: '1', value: 1 }] } });
    expect(() => parseGold(text, 'x.gold.json')).toThrow(GoldFileError);
    expect(() => parseGold(text, 'x.gold.json')).toThrow(/budget_values\.0.*colum/);
  });
});
