import { readFileSync } from 'node:fs';
import { seedPath } from '../helpers/paths.js';
import { describe, expect, it } from 'vitest';
import {
  AMBIGUOUS_BARE_SCORE,
  FUZZY_THRESHOLD,
  findMunicipality,
  scanMunicipalityMentions,
} from '../../src/meta/find-municipality.js';

const code = (text: string) => findMunicipality(text)?.code ?? null;

describe('findMunicipality', () => {
  it('matches exact names, ignoring case for unambiguous ones only when capitalised', () => {
    expect(findMunicipality('Mölndal')).toEqual({ name: 'Mölndal', code: '1481', method: 'exact', score: 1 });
    expect(findMunicipality('Upplands Väsby')).toMatchObject({ code: '0114', method: 'exact' });
    expect(findMunicipality('GÖTEBORG')).toMatchObject({ code: '1480', method: 'exact' });
    expect(findMunicipality('göteborg')).toBeNull();
  });

  it('reads the genitive and "kommun"/"stad" forms the seed reports use', () => {
    const cases: [string, string][] = [
      ['Hjo kommuns', '1497'], ['Hjo kommun', '1497'], ['Mölndals stad', '1481'], ['Mölndal stad', '1481'],
      ['Mölndals stads', '1481'], ['Göteborgs Stad', '1480'], ['Tyresö kommun', '0138'],
      ['tyresö kommun', '0138'], ['Ale kommun', '1440'], ['Ale kommuns', '1440'],
      ['Alingsås kommun', '1489'], ['Simrishamns kommuns', '1291'], ['Simrishamns kommun', '1291'],
      ['Lilla Edets kommun', '1462'], ['Malung-Sälens kommun', '2023'], ['Upplands-Bro kommun', '0139'],
      ['Falu kommun', '2080'], ['Region Gotland', '0980'], ['Mölndals', '1481'],
    ];
    for (const [text, expected] of cases) {
      expect(findMunicipality(text), text).toMatchObject({ code: expected, method: 'genitive', score: 1 });
    }
  });

  it('matches the misspellings in Mölndal\'s own report by Jaro-Winkler', () => {
    for (const text of ['Mölnadal', 'Möndal', 'Mölnadals']) {
      const m = findMunicipality(text);
      expect(m, text).toMatchObject({ name: 'Mölndal', code: '1481', method: 'fuzzy' });
      expect(m!.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
      expect(m!.score).toBeLessThan(1);
    }
    expect(findMunicipality('Mölnadal stad')).toMatchObject({ code: '1481', method: 'fuzzy' });
  });

  it('does not read ordinary words as municipalities', () => {
    for (const text of ['alla', 'Alla', 'ale', 'hjo', 'salar', 'Salar', 'mark', 'vara', 'lund', 'boden',
      'Markör', 'Tyresöbo', 'Mölndalsbor', 'Hjjoborna', 'Region Stockholm', 'kommun', 'annan kommun',
      'hållbar stad', 'Varje kommun', 'Socialnämnden', 'Verksamheten']) {
      expect(findMunicipality(text), text).toBeNull();
    }
  });

  it('matches short and word-like names bare only when capitalised, and weakly', () => {
    for (const [text, c] of [['Hjo', '1497'], ['Ale', '1440'], ['Mark', '1463'], ['Sala', '1981'], ['Öckerö', '1407'], ['Laxå', '1860'], ['Lund', '1281']]) {
      expect(findMunicipality(text), text).toMatchObject({ code: c, method: 'exact', score: AMBIGUOUS_BARE_SCORE });
    }
    expect(findMunicipality('Marks kommun')).toMatchObject({ code: '1463', score: 1 });
    expect(code('Marks')).toBeNull();
    expect(code('Vara kommun')).toBe('1470');
  });

  it('finds no municipality in longer phrases', () => {
    expect(findMunicipality('Hjo kommun har minskat försörjningsstödet i år')).toBeNull();
    expect(findMunicipality('')).toBeNull();
  });
});

describe('scanMunicipalityMentions', () => {
  it('finds context and bare mentions in a line', () => {
    const found = scanMunicipalityMentions('Oroligheter i Tyresö, liksom i Nacka kommun och Värmdö kommun.');
    expect(found.map((m) => [m.name, m.context])).toEqual([['Nacka', true], ['Värmdö', true], ['Tyresö', false]]);
  });

  it('finds fuzzy bare mentions only when asked (title pages)', () => {
    expect(scanMunicipalityMentions('Mölnadal Vision 2022')).toEqual([]);
    expect(scanMunicipalityMentions('Mölnadal Vision 2022', { fuzzyBare: true }).map((m) => m.code)).toEqual(['1481']);
  });

  it('finds no fuzzy mentions of another municipality in the seed reports', () => {
    const own: Record<string, string> = {
      'hjo-2016-verksamhetsuppfoljning.txt': '1497', 'tyreso-2017-delarsrapport-augusti.txt': '0138',
      'molndal-2017-verksamhetsberattelse.txt': '1481', 'alingsas-2019-varbokslut.txt': '1489',
      'ale-2016-uppfoljningsrapport-augusti.txt': '1440',
    };
    for (const [file, c] of Object.entries(own)) {
      const lines = readFileSync(seedPath(file), 'utf8').split('\n');
      const fuzzyOthers = lines
        .flatMap((l) => scanMunicipalityMentions(l, { fuzzyBare: true }))
        .filter((m) => m.method === 'fuzzy' && m.code !== c);
      expect(fuzzyOthers.map((m) => m.text), file).toEqual([]);
    }
  });
});
