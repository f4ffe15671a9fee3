import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { writeDocument } from '../../src/store/write-document.js';
import { createDb, writeBeforeCertainty } from '../store/db.js';
import { sampleDocument, SHA_B } from '../store/sample-document.js';

const INFO = { parserVersion: 'p1', importedAt: '2024-01-01T00:00:00.000Z' };
const mapped = (db: ReturnType<typeof createDb>) =>
  db.prepare('SELECT table_id, row, label, area, method, is_part FROM budget_row_map ORDER BY row').all();

describe('migration 3 (compare)', () => {
  it('maps the documents stored before it, from their JSON', () => {
    const db = createDb(2);
    writeBeforeCertainty(db, () => writeDocument(db, sampleDocument(), INFO));
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'budget_row_map'`).get()).toEqual({ n: 0 });
    migrate(db, 3);
    expect(mapped(db)).toEqual([
      { table_id: '#/tables/0', row: 1, label: 'Äldreomsorg', area: 'aldreomsorg', method: 'exact', is_part: 0 },
      { table_id: '#/tables/0', row: 2, label: 'varav hemtjänst', area: 'aldreomsorg', method: 'exact', is_part: 1 },
    ]);
    expect(db.prepare('SELECT indicator, area, method FROM indicator_map').all()).toEqual([{ indicator: 'Nöjdhet', area: null, method: 'none' }]);
  });

  it('writes a document\'s mappings with it, and a re-import replaces them', () => {
    const db = createDb();
    writeDocument(db, sampleDocument(), INFO);
    writeDocument(db, sampleDocument(), INFO);
    writeDocument(db, sampleDocument({ sha256: SHA_B }), INFO);
    expect(db.prepare('SELECT count(*) AS n FROM budget_row_map').get()).toEqual({ n: 4 });
    expect(db.prepare('SELECT count(*) AS n FROM budget_table_signs').get()).toEqual({ n: 2 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('rolls the mappings back with the document when the write fails', () => {
    const db = createDb();
    expect(() => writeDocument(db, sampleDocument(), { ...INFO, failAfterRows: 5 })).toThrow(/injected/);
    expect(db.prepare('SELECT count(*) AS n FROM budget_row_map').get()).toEqual({ n: 0 });
  });

  it('counts a report imported in several formats once in the share views', () => {
    const db = createDb();
    writeDocument(db, sampleDocument(), INFO);
    const pdf = { ...sampleDocument({ sha256: SHA_B }) };
    writeDocument(db, { ...pdf, source: { ...pdf.source, format: 'pdf', path: 'x.pdf' } }, INFO);
    expect(db.prepare('SELECT format FROM v_reports').all()).toEqual([{ format: 'txt' }]);
    expect(db.prepare('SELECT status, activities, share FROM v_activity_status_shares').all()).toEqual([
      { status: 'ongoing', activities: 1, share: 1 },
    ]);
  });

  it('keeps a cost budget positive and leaves a forecast deviation as printed in v_budget_by_area', () => {
    const db = createDb();
    writeDocument(db, sampleDocument(), INFO);
    const rows = db.prepare('SELECT area, line, measure, amount_tkr, rows FROM v_budget_by_area ORDER BY measure').all();
    // The sample's per-area table has no cost rows and the document none either: signs unknown, printed values kept.
    expect(rows).toEqual([
      { area: 'aldreomsorg', line: 'nettokostnad', measure: 'budget', amount_tkr: 1200, rows: 1 },
      { area: 'aldreomsorg', line: 'nettokostnad', measure: 'forecast', amount_tkr: -50, rows: 1 },
    ]);
  });
});
