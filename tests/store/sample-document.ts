/** A small hand-built canonical document with at least one of every record, validated by the model. */
import { CanonicalDocument, SCHEMA_VERSION } from '../../src/model/index.js';

export const SHA_A = 'a'.repeat(64);
export const SHA_B = 'b'.repeat(64);

export function sampleDocument(overrides: { sha256?: string; municipality?: string; title?: string } = {}): CanonicalDocument {
  return CanonicalDocument.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { path: 'fixtures/x/delar.txt', sha256: overrides.sha256 ?? SHA_A, format: 'txt', pages: null, ocr: false },
    meta: {
      municipality: overrides.municipality ?? 'Ale',
      municipalityCode: '1440',
      organ: 'Socialnämnden',
      reportType: 'delårsrapport',
      year: 2016,
      periodEnd: '2016-08-31',
      title: overrides.title ?? 'Delårsrapport augusti 2016',
    },
    sections: [
      { id: '#/sections/0', parentId: null, level: 1, number: '1', title: 'Mål', page: null, line: 3 },
      { id: '#/sections/1', parentId: '#/sections/0', level: 2, number: '1.1', title: 'Ekonomi', page: null, line: 9 },
    ],
    tables: [
      {
        id: '#/tables/0', sectionId: '#/sections/1', kind: 'budget', caption: 'Driftredovisning', unit: 'tkr',
        page: null, pageEnd: null, line: 10, headerRows: 1,
        rows: [['', 'Budget 2016', 'Prognos 2016'], ['Äldreomsorg', '1 200', '-50'], ['varav hemtjänst', '400', '']],
        rowLines: [10, 11, 12],
      },
      {
        id: '#/tables/1', sectionId: '#/sections/0', kind: 'indicator', caption: 'Nyckeltal', unit: '%',
        page: null, pageEnd: null, line: 20, headerRows: 1,
        rows: [['Indikator', 'Utfall 2015', 'Mål 2016'], ['Nöjdhet, kvinnor', '85', '90']],
        rowLines: [20, 21],
      },
      {
        id: '#/tables/2', sectionId: '#/sections/0', kind: 'activity_plan', caption: null, unit: null,
        page: null, pageEnd: null, line: 30, headerRows: 1,
        rows: [['Aktivitet', 'Klart', 'Status'], ['Ny rutin', '2016-06-30, 2016-12-31', 'Pågår']],
        rowLines: [30, 31],
      },
    ],
    activities: [
      {
        tableId: '#/tables/2', row: 1, goal: 'Trygg omsorg', activity: 'Ny rutin', description: null,
        due: ['2016-06-30', '2016-12-31'], dueText: '2016-06-30, 2016-12-31', responsible: 'Enhetschef',
        statusText: 'Pågår', status: 'ongoing', page: null, line: 31,
      },
    ],
    indicators: [
      {
        tableId: '#/tables/1', row: 1, name: 'Nöjdhet', path: ['Brukare'], source: 'KKiK', gender: 'women',
        values: [
          { period: '2015', kind: 'outcome', column: 'Utfall 2015', text: '85', value: 85, unit: '%', note: null },
          { period: '2016', kind: 'target', column: 'Mål 2016', text: '90', value: 90, unit: '%', note: 'nytt mål' },
        ],
        page: null, line: 21,
      },
    ],
    budget: [
      {
        tableId: '#/tables/0', row: 1, label: 'Äldreomsorg', path: ['Äldreomsorg'], column: 'Budget 2016',
        measure: 'budget', period: '2016', text: '1 200', value: 1200, unit: 'tkr', valueTkr: 1200, page: null, line: 11,
      },
      {
        tableId: '#/tables/0', row: 1, label: 'Äldreomsorg', path: ['Äldreomsorg'], column: 'Prognos 2016',
        measure: 'forecast', period: '2016', text: '-50', value: -50, unit: 'tkr', valueTkr: -50, page: null, line: 11,
      },
      {
        tableId: '#/tables/0', row: 2, label: 'varav hemtjänst', path: ['Äldreomsorg', 'varav hemtjänst'],
        column: 'Budget 2016', measure: 'budget', period: '2016', text: '400', value: 400, unit: 'tkr', valueTkr: 400,
        page: null, line: 12,
      },
    ],
    goals: [
      {
        sectionId: '#/sections/0', level: 'Nämndmål', text: 'Trygg omsorg', assessmentText: 'Delvis uppfyllt',
        assessment: 'partly_met', tableId: null, page: null, line: 5,
      },
    ],
    warnings: [{ code: 'table:ragged-row', message: 'Unexpected 2 cells in row 3, expected 3', severity: 'warning', page: null, line: 12 }],
  });
}
