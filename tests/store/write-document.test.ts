import { describe, expect, it } from 'vitest';
import { CanonicalDocument } from '../../src/model/index.js';
import {
  clearImportErrors, countRows, hasDocument, recordImportError, writeDocument,
} from '../../src/store/write-document.js';
import { createDb } from './db.js';
import { sampleDocument, SHA_A, SHA_B } from './sample-document.js';

const INFO = { parserVersion: 'p1', importedAt: '2024-01-01T00:00:00.000Z' };

/** Rows one sample document produces, per table. */
const SAMPLE_COUNTS = {
  documents: 1, sections: 2, doc_tables: 3, table_cells: 9 + 6 + 6, activities: 1,
  indicator_values: 2, budget_values: 3, goals: 1, warnings: 1, import_errors: 0,
};
/** Migration 3's mapping rows, written with the document but outside the failAfterRows hook's count. */
const MAPPING_COUNTS = { budget_row_map: 2, indicator_map: 1, budget_table_signs: 1 };
const TOTAL_SAMPLE_ROWS = Object.values(SAMPLE_COUNTS).reduce((a, b) => a + b, 0);
Object.assign(SAMPLE_COUNTS, MAPPING_COUNTS);
const EMPTY_COUNTS = Object.fromEntries(Object.keys(SAMPLE_COUNTS).map((k) => [k, 0]));

describe('writeDocument', () => {
  it('stores one row per record in every table', () => {
    const db = createDb();
    const { documentId, replaced } = writeDocument(db, sampleDocument(), INFO);
    expect(replaced).toBe(false);
    expect(countRows(db)).toEqual(SAMPLE_COUNTS);
    expect(db.prepare('SELECT count(*) AS n FROM sections WHERE document_id = ?').get(documentId)).toEqual({ n: 2 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('fills the documents row from source and meta, and keeps the whole document as JSON', () => {
    const db = createDb();
    const doc = sampleDocument();
    writeDocument(db, doc, { ...INFO, path: '/abs/delar.txt' });
    const row = db.prepare('SELECT * FROM documents').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      sha256: SHA_A, path: '/abs/delar.txt', format: 'txt', pages: null, ocr: 0, schema_version: 1,
      parser_version: 'p1', imported_at: INFO.importedAt, municipality: 'Ale', municipality_code: '1440',
      organ: 'Socialnämnden', report_type: 'delårsrapport', year: 2016, period_end: '2016-08-31',
      title: 'Delårsrapport augusti 2016', warning_count: 1,
    });
    expect(CanonicalDocument.parse(JSON.parse(row.json as string))).toEqual(doc);
  });

  it('defaults the stored path to the document source path', () => {
    const db = createDb();
    writeDocument(db, sampleDocument(), INFO);
    expect(db.prepare('SELECT path FROM documents').get()).toEqual({ path: 'fixtures/x/delar.txt' });
  });

  it('stores cells with header flags and row lines, and record fields with their ids', () => {
    const db = createDb();
    writeDocument(db, sampleDocument(), INFO);
    expect(db.prepare(`SELECT row, col, text, is_header, line FROM table_cells WHERE table_id = '#/tables/0' AND col = 0 ORDER BY row`).all()).toEqual([
      { row: 0, col: 0, text: '', is_header: 1, line: 10 },
      { row: 1, col: 0, text: 'Äldreomsorg', is_header: 0, line: 11 },
      { row: 2, col: 0, text: 'varav hemtjänst', is_header: 0, line: 12 },
    ]);
    expect(db.prepare(`SELECT table_id, section_id, kind, caption, unit, header_rows, row_count, col_count FROM doc_tables ORDER BY id LIMIT 1`).get()).toEqual({
      table_id: '#/tables/0', section_id: '#/sections/1', kind: 'budget', caption: 'Driftredovisning', unit: 'tkr',
      header_rows: 1, row_count: 3, col_count: 3,
    });
    expect(db.prepare(`SELECT section_id, parent_id, level, number, title FROM sections ORDER BY id`).all()).toEqual([
      { section_id: '#/sections/0', parent_id: null, level: 1, number: '1', title: 'Mål' },
      { section_id: '#/sections/1', parent_id: '#/sections/0', level: 2, number: '1.1', title: 'Ekonomi' },
    ]);
    expect(db.prepare(`SELECT table_id, row, due, due_text, status FROM activities`).get()).toEqual({
      table_id: '#/tables/2', row: 1, due: '2016-06-30, 2016-12-31', due_text: '2016-06-30, 2016-12-31', status: 'ongoing',
    });
    expect(db.prepare(`SELECT indicator, path, source, gender, period, kind, column_label, value_text, value, unit, note, table_id, row, line FROM indicator_values ORDER BY id`).all()).toEqual([
      { indicator: 'Nöjdhet', path: 'Brukare', source: 'KKiK', gender: 'women', period: '2015', kind: 'outcome', column_label: 'Utfall 2015', value_text: '85', value: 85, unit: '%', note: null, table_id: '#/tables/1', row: 1, line: 21 },
      { indicator: 'Nöjdhet', path: 'Brukare', source: 'KKiK', gender: 'women', period: '2016', kind: 'target', column_label: 'Mål 2016', value_text: '90', value: 90, unit: '%', note: 'nytt mål', table_id: '#/tables/1', row: 1, line: 21 },
    ]);
    expect(db.prepare(`SELECT label, path, column_label, measure, period, value_text, value, unit, value_tkr, table_id, row, page, line FROM budget_values WHERE row = 2`).get()).toEqual({
      label: 'varav hemtjänst', path: 'Äldreomsorg > varav hemtjänst', column_label: 'Budget 2016', measure: 'budget',
      period: '2016', value_text: '400', value: 400, unit: 'tkr', value_tkr: 400, table_id: '#/tables/0', row: 2, page: null, line: 12,
    });
    expect(db.prepare(`SELECT section_id, table_id, level, text, assessment_text, assessment FROM goals`).get()).toEqual({
      section_id: '#/sections/0', table_id: null, level: 'Nämndmål', text: 'Trygg omsorg', assessment_text: 'Delvis uppfyllt', assessment: 'partly_met',
    });
    expect(db.prepare(`SELECT code, message, severity, page, line FROM warnings`).get()).toEqual({
      code: 'table:ragged-row', message: 'Unexpected 2 cells in row 3, expected 3', severity: 'warning', page: null, line: 12,
    });
  });

  it('writing the same document twice leaves the same counts (replaced, not duplicated)', () => {
    const db = createDb();
    writeDocument(db, sampleDocument(), INFO);
    const second = writeDocument(db, sampleDocument(), INFO);
    expect(second.replaced).toBe(true);
    expect(countRows(db)).toEqual(SAMPLE_COUNTS);
  });

  it('replaces the stored version of the same sha256 with the new content', () => {
    const db = createDb();
    writeDocument(db, sampleDocument({ title: 'old' }), { ...INFO, parserVersion: 'p1' });
    writeDocument(db, sampleDocument({ sha256: SHA_B, municipality: 'Bjuv' }), INFO);
    const { documentId } = writeDocument(db, sampleDocument({ title: 'new' }), { ...INFO, parserVersion: 'p2' });
    expect(db.prepare('SELECT sha256, title, parser_version FROM documents ORDER BY sha256').all()).toEqual([
      { sha256: SHA_A, title: 'new', parser_version: 'p2' },
      { sha256: SHA_B, title: 'Delårsrapport augusti 2016', parser_version: 'p1' },
    ]);
    expect(countRows(db).budget_values).toBe(6);
    // No orphans of the old version: every record belongs to a stored document.
    expect(db.prepare('SELECT count(*) AS n FROM budget_values WHERE document_id = ?').get(documentId)).toEqual({ n: 3 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('stores a document with no records at all', () => {
    const db = createDb();
    const doc = sampleDocument();
    const empty = CanonicalDocument.parse({ ...doc, sections: [], tables: [], activities: [], indicators: [], budget: [], goals: [], warnings: [] });
    writeDocument(db, empty, INFO);
    expect(countRows(db)).toEqual({ ...EMPTY_COUNTS, documents: 1 });
  });

  describe('when a write fails midway', () => {
    it('stores nothing of a new document', () => {
      const db = createDb();
      for (const n of [0, 1, 5, TOTAL_SAMPLE_ROWS - 1]) {
        expect(() => writeDocument(db, sampleDocument(), { ...INFO, failAfterRows: n })).toThrow(`injected failure after ${n} rows`);
        expect(countRows(db)).toEqual(EMPTY_COUNTS);
      }
    });

    it('keeps the previous version intact', () => {
      const db = createDb();
      writeDocument(db, sampleDocument({ title: 'old' }), { ...INFO, parserVersion: 'p1' });
      const before = db.prepare('SELECT * FROM documents').get();
      const cellsBefore = db.prepare('SELECT * FROM table_cells ORDER BY rowid').all();

      expect(() =>
        writeDocument(db, sampleDocument({ title: 'new' }), { ...INFO, parserVersion: 'p2', failAfterRows: 7 }),
      ).toThrow(/injected failure/);

      expect(countRows(db)).toEqual(SAMPLE_COUNTS);
      expect(db.prepare('SELECT * FROM documents').get()).toEqual(before);
      expect(db.prepare('SELECT * FROM table_cells ORDER BY rowid').all()).toEqual(cellsBefore);
      expect(hasDocument(db, SHA_A, 'p1')).toBe(true);
      expect(hasDocument(db, SHA_A, 'p2')).toBe(false);
    });

    it('writes fully when the hook allows every row', () => {
      const db = createDb();
      writeDocument(db, sampleDocument(), { ...INFO, failAfterRows: TOTAL_SAMPLE_ROWS });
      expect(countRows(db)).toEqual(SAMPLE_COUNTS);
    });
  });
});

describe('foreign keys', () => {
  it('refuses a record whose document does not exist', () => {
    const db = createDb();
    expect(() =>
      db.prepare(`INSERT INTO warnings (document_id, code, message, severity) VALUES (42, 'a:b', 'm', 'warning')`).run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('deleting a document deletes its records', () => {
    const db = createDb();
    writeDocument(db, sampleDocument(), INFO);
    db.prepare('DELETE FROM documents').run();
    expect(countRows(db)).toEqual(EMPTY_COUNTS);
  });
});

describe('hasDocument', () => {
  it('answers by sha256, and by parser version when given', () => {
    const db = createDb();
    expect(hasDocument(db, SHA_A)).toBe(false);
    writeDocument(db, sampleDocument(), INFO);
    expect(hasDocument(db, SHA_A)).toBe(true);
    expect(hasDocument(db, SHA_A, 'p1')).toBe(true);
    expect(hasDocument(db, SHA_A, 'p2')).toBe(false);
    expect(hasDocument(db, SHA_B)).toBe(false);
  });
});

describe('import errors', () => {
  it('records errors and clears them for one path only', () => {
    const db = createDb();
    recordImportError(db, { path: 'a.pdf', sha256: null, parserVersion: 'p1', code: 'pdf:encrypted', message: 'encrypted' });
    recordImportError(db, { path: 'a.pdf', sha256: SHA_A, parserVersion: 'p1', code: 'pdf:broken', message: 'broken' });
    recordImportError(db, { path: 'b.pdf', sha256: SHA_B, parserVersion: 'p1', code: 'pdf:broken', message: 'broken' });
    const row = db.prepare(`SELECT path, sha256, parser_version, code, message, occurred_at FROM import_errors ORDER BY id LIMIT 1`).get() as Record<string, unknown>;
    expect(row).toMatchObject({ path: 'a.pdf', sha256: null, parser_version: 'p1', code: 'pdf:encrypted', message: 'encrypted' });
    expect(String(row.occurred_at)).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    expect(clearImportErrors(db, 'a.pdf')).toBe(2);
    expect(db.prepare('SELECT path FROM import_errors').all()).toEqual([{ path: 'b.pdf' }]);
  });
});
