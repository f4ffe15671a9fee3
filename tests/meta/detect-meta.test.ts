import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Meta } from '../../src/model/document.js';
import { Diagnostic } from '../../src/model/diagnostic.js';
import { detectMeta, type MetaLine } from '../../src/meta/detect-meta.js';
import { REAL_DIR, seedPath } from '../helpers/paths.js';

const seeds = 'seed:';
const data = fileURLToPath(new URL('./data/', import.meta.url));

/** A seed report (dir 'seed:') or a file in `dir`. */
function readInput(dir: string, file: string): string {
  return readFileSync(dir === seeds ? seedPath(file) : dir + file, 'utf8');
}

/** Text lines as a text reader gives them; form feeds (pdftotext) start a new page. */
function toLines(text: string, paged: boolean): MetaLine[] {
  let page = 1;
  return text.split('\n').map((raw, i) => {
    const ff = raw.split('\f');
    page += ff.length - 1;
    return { text: ff.join(''), page: paged ? page : null, line: i + 1 };
  });
}

function run(dir: string, fileName: string, metaTitle: string | null = null, paged = false) {
  const r = detectMeta({ lines: toLines(readInput(dir, fileName), paged), metaTitle, fileName });
  expect(Meta.parse(r.value)).toEqual(r.value);
  for (const d of r.diagnostics) Diagnostic.parse(d);
  return r;
}

const codes = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);

describe('detectMeta on the seed reports', () => {
  it('reads Hjo 2016 verksamhetsuppföljning (organ is the line under the title)', () => {
    const r = run(seeds, 'hjo-2016-verksamhetsuppfoljning.txt');
    expect(r.value).toEqual({
      municipality: 'Hjo', municipalityCode: '1497', organ: 'Arbete och Socialtjänst',
      reportType: 'verksamhetsuppföljning', year: 2016, periodEnd: '2016-12-31',
      title: 'Verksamhetsuppföljning 2016',
    });
    expect(codes(r)).toEqual([]);
  });

  it('reads Tyresö delårsrapport 2 per 31 augusti 2017, organ from the body', () => {
    const r = run(seeds, 'tyreso-2017-delarsrapport-augusti.txt');
    expect(r.value).toEqual({
      municipality: 'Tyresö', municipalityCode: '0138', organ: 'Socialnämnden',
      reportType: 'delårsrapport', year: 2017, periodEnd: '2017-08-31',
      title: 'Delårsrapport 2 31 augusti 2017',
    });
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['meta:organ-from-body', 'info']]);
  });

  it('reads Mölndal verksamhetsberättelse 2017 despite "Mölnadal" and Göteborgs stad mentions', () => {
    const r = run(seeds, 'molndal-2017-verksamhetsberattelse.txt');
    expect(r.value).toEqual({
      municipality: 'Mölndal', municipalityCode: '1481', organ: 'Social- och arbetsmarknadsnämnden',
      reportType: 'verksamhetsberättelse', year: 2017, periodEnd: '2017-12-31',
      title: 'Verksamhetsberättelse 2017',
    });
    expect(codes(r)).toEqual([]);
  });

  it('reads Alingsås vårbokslut 2019, ending 30 April as the text says "per april", "jan-april 2019"', () => {
    const r = run(seeds, 'alingsas-2019-varbokslut.txt');
    expect(r.value).toEqual({
      municipality: 'Alingsås', municipalityCode: '1489', organ: 'Socialnämnden',
      reportType: 'vårbokslut', year: 2019, periodEnd: '2019-04-30',
      title: 'Socialnämndens vårbokslut 2019',
    });
    expect(codes(r)).toEqual([]);
  });

  it('reads Ale uppföljningsrapport augusti 2016, not the TOC\'s "per 30 juni"', () => {
    const r = run(seeds, 'ale-2016-uppfoljningsrapport-augusti.txt');
    expect(r.value).toEqual({
      municipality: 'Ale', municipalityCode: '1440', organ: 'Omsorgs- och arbetsmarknadsnämnden',
      reportType: 'uppföljningsrapport', year: 2016, periodEnd: '2016-08-31',
      title: 'Uppföljningsrapport Augusti 2016',
    });
    expect(codes(r)).toEqual([]);
  });

  it('finds the municipality without the file name\'s help', () => {
    const cases: [string, string][] = [
      ['hjo-2016-verksamhetsuppfoljning.txt', '1497'],
      ['tyreso-2017-delarsrapport-augusti.txt', '0138'],
      ['molndal-2017-verksamhetsberattelse.txt', '1481'],
      ['alingsas-2019-varbokslut.txt', '1489'],
      ['ale-2016-uppfoljningsrapport-augusti.txt', '1440'],
    ];
    for (const [file, code] of cases) {
      const lines = toLines(readInput(seeds, file), false);
      const r = detectMeta({ lines, metaTitle: null, fileName: 'rapport.txt' });
      expect(r.value.municipalityCode, file).toBe(code);
    }
  });
});

describe('detectMeta without blank lines (as a PDF reader gives them)', () => {
  it('gives the same meta for every seed and excerpt', () => {
    const inputs: [string, string, string | null][] = [
      [seeds, 'hjo-2016-verksamhetsuppfoljning.txt', null],
      [seeds, 'tyreso-2017-delarsrapport-augusti.txt', null],
      [seeds, 'molndal-2017-verksamhetsberattelse.txt', null],
      [seeds, 'alingsas-2019-varbokslut.txt', null],
      [seeds, 'ale-2016-uppfoljningsrapport-augusti.txt', null],
      [data, 'Bokslut_2025.head.txt', '2025 Årsbokslut'],
      [data, 'stadsrevisionens_arsredogorelse_2024.head.txt', 'Göteborgs Stad kommunfullmäktige'],
    ];
    for (const [dir, file, metaTitle] of inputs) {
      const lines = toLines(readInput(dir, file), false);
      const dense = lines.filter((l) => l.text.trim() !== '');
      const a = detectMeta({ lines, metaTitle, fileName: file });
      const b = detectMeta({ lines: dense, metaTitle, fileName: file });
      expect(b.value, file).toEqual(a.value);
    }
  });
});

describe('detectMeta on the real PDFs (pdftotext head excerpts)', () => {
  it('reads Simrishamn Kultur- och fritidsnämnden årsbokslut 2025 (Bokslut_2025.gold.json)', () => {
    const r = run(data, 'Bokslut_2025.head.txt', '2025 Årsbokslut', true);
    const gold = { municipality: 'Simrishamn', code: '1291', organ: 'Kultur- och fritidsnämnden', year: 2025, periodEnd: '2025-12-31' };
    expect(r.value).toMatchObject({
      municipality: gold.municipality, municipalityCode: gold.code, organ: gold.organ,
      reportType: 'årsbokslut', year: gold.year, periodEnd: gold.periodEnd, title: '2025 Årsbokslut',
    });
    expect(codes(r)).toEqual([]);
  });

  it('reads Göteborg Stadsrevisionen årsredogörelse 2024 (stadsrevisionens_arsredogorelse_2024.gold.json)', () => {
    const r = run(data, 'stadsrevisionens_arsredogorelse_2024.head.txt', 'Göteborgs Stad kommunfullmäktige', true);
    expect(r.value).toEqual({
      municipality: 'Göteborg', municipalityCode: '1480', organ: 'Stadsrevisionen',
      reportType: 'årsredogörelse', year: 2024, periodEnd: '2024-12-31',
      title: 'Stadsrevisionens årsredogörelse och revisorskollegiets årsrapport för 2024',
    });
    expect(codes(r)).toEqual([]);
  });

  it('keeps the gold values in sync with the gold files', () => {
    const real = REAL_DIR + '/';
    const b = JSON.parse(readFileSync(real + 'Bokslut_2025.gold.json', 'utf8'));
    expect([b.municipality, b.municipality_code, b.organ, b.year, b.period_end]).toEqual(['Simrishamn', '1291', 'Kultur- och fritidsnämnden', 2025, '2025-12-31']);
    const s = JSON.parse(readFileSync(real + 'stadsrevisionens_arsredogorelse_2024.gold.json', 'utf8'));
    expect([s.municipality, s.municipality_code, s.year, s.period_end]).toEqual(['Göteborg', '1480', 2024, '2024-12-31']);
    expect(s.organ).toMatch(/^Stadsrevisionen\b/);
  });
});

describe('detectMeta in doubt', () => {
  const line = (text: string, i: number): MetaLine => ({ text, page: null, line: i + 1 });

  it('warns and gives null when nothing names a municipality', () => {
    const r = detectMeta({ lines: ['Delårsrapport 2020', '', 'Socialnämnden'].map(line), metaTitle: null, fileName: 'rapport.pdf' });
    expect(r.value.municipality).toBeNull();
    expect(r.value.municipalityCode).toBeNull();
    expect(codes(r)).toContain('meta:municipality-not-found');
    expect(r.value.organ).toBe('Socialnämnden');
  });

  it('warns and gives null when two municipalities are named equally often', () => {
    const text = ['Årsredovisning 2020', '', 'Lerums kommun och Partille kommun samverkar.', 'Partille kommun', 'Lerums kommun'];
    const r = detectMeta({ lines: text.map(line), metaTitle: null, fileName: 'x.pdf' });
    expect(r.value.municipality).toBeNull();
    expect(codes(r)).toContain('meta:municipality-ambiguous');
  });

  it('does not guess the period end of a delårsrapport without a date', () => {
    const r = detectMeta({ lines: ['Delårsrapport 2018', 'Hjo kommun'].map(line), metaTitle: null, fileName: 'x.pdf' });
    expect(r.value.periodEnd).toBeNull();
    expect(r.value.year).toBe(2018);
    expect(codes(r)).toContain('meta:period-end-not-found');
  });

  it('does not give a vårbokslut an April end unless the text says so', () => {
    const r = detectMeta({ lines: ['Vårbokslut 2019', 'Ale kommun'].map(line), metaTitle: null, fileName: 'x.pdf' });
    expect(r.value.periodEnd).toBeNull();
    expect(codes(r)).toContain('meta:period-end-not-found');
  });

  it('reads only the last segment of a path passed as the file name', () => {
    const r = detectMeta({ lines: ['Årsredovisning', 'Ale kommun'].map(line), metaTitle: null, fileName: '/data/2011/vara/rapport-2019.pdf' });
    expect(r.value).toMatchObject({ year: 2019, municipalityCode: '1440' });
  });

  it('reads a Rapportperiod label and a report type from the file name', () => {
    const r = detectMeta({ lines: ['Rapportperiod: 2024-06-30', 'Tyresö kommun'].map(line), metaTitle: null, fileName: 'tyreso-delarsrapport.pdf' });
    expect(r.value).toMatchObject({ reportType: 'delårsrapport', periodEnd: '2024-06-30', year: 2024, municipalityCode: '0138' });
  });
});
