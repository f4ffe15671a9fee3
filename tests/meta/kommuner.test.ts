import { describe, expect, it } from 'vitest';
import { KOMMUNER, LAN, kommunByCode } from '../../src/meta/kommuner.js';

describe('kommuner', () => {
  it('lists exactly 290 municipalities with unique codes and names', () => {
    expect(KOMMUNER).toHaveLength(290);
    expect(new Set(KOMMUNER.map((k) => k.code)).size).toBe(290);
    expect(new Set(KOMMUNER.map((k) => k.name)).size).toBe(290);
  });

  it('starts every code with a valid länskod', () => {
    for (const k of KOMMUNER) {
      expect(k.code, k.name).toMatch(/^\d{4}$/);
      expect(LAN[k.code.slice(0, 2)], k.name).toBeDefined();
      expect(k.lan).toBe(LAN[k.code.slice(0, 2)]);
    }
  });

  it('has the right number of municipalities per län', () => {
    const counts: Record<string, number> = {};
    for (const k of KOMMUNER) counts[k.lan] = (counts[k.lan] ?? 0) + 1;
    expect(counts).toEqual({
      Stockholm: 26, Uppsala: 8, Södermanland: 9, Östergötland: 13, Jönköping: 13,
      Kronoberg: 8, Kalmar: 12, Gotland: 1, Blekinge: 5, Skåne: 33, Halland: 6,
      'Västra Götaland': 49, Värmland: 16, Örebro: 12, Västmanland: 10, Dalarna: 15,
      Gävleborg: 10, Västernorrland: 7, Jämtland: 8, Västerbotten: 15, Norrbotten: 14,
    });
  });

  it('knows the codes of the seed and gold municipalities', () => {
    const pairs: [string, string][] = [
      ['1497', 'Hjo'], ['0138', 'Tyresö'], ['1481', 'Mölndal'], ['1489', 'Alingsås'],
      ['1440', 'Ale'], ['1291', 'Simrishamn'], ['1480', 'Göteborg'], ['0180', 'Stockholm'],
      ['1462', 'Lilla Edet'], ['0114', 'Upplands Väsby'], ['1256', 'Östra Göinge'],
      ['2023', 'Malung-Sälen'], ['0980', 'Gotland'], ['2584', 'Kiruna'],
    ];
    for (const [code, name] of pairs) expect(kommunByCode(code)?.name).toBe(name);
  });
});
