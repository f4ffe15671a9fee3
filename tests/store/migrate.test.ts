import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ActivityStatus, Assessment, BudgetMeasure, IndicatorValueKind } from '../../src/model/index.js';
import { getVersion, LATEST_VERSION, MIGRATIONS, migrate } from '../../src/store/migrate.js';
import { countRows, writeDocument } from '../../src/store/write-document.js';
import { columnsOf, createDb, writeBeforeCertainty } from './db.js';
import { sampleDocument } from './sample-document.js';

const CONTRACT_TABLES = [
  'documents', 'sections', 'doc_tables', 'table_cells', 'activities', 'indicator_values',
  'budget_values', 'goals', 'import_errors',
];

describe('migrate', () => {
  it('brings a fresh database to the latest version with every contract table', () => {
    const db = createDb();
    expect(getVersion(db)).toBe(LATEST_VERSION);
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    const names = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
    for (const t of [...CONTRACT_TABLES, 'warnings']) expect(names).toContain(t);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('makes every table STRICT', () => {
    const db = createDb();
    const rows = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; strict: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(CONTRACT_TABLES.length);
    for (const r of rows) expect([r.name, r.strict]).toEqual([r.name, 1]);
  });

  it('gives every record table a document_id that cascades from documents', () => {
    const db = createDb();
    for (const t of CONTRACT_TABLES.filter((t) => t !== 'documents' && t !== 'import_errors')) {
      const fks = db.prepare(`SELECT "table", "from", on_delete FROM pragma_foreign_key_list(?)`).all(t);
      expect(fks).toEqual([{ table: 'documents', from: 'document_id', on_delete: 'CASCADE' }]);
    }
  });

  it('is idempotent: running again changes nothing', () => {
    const db = createDb();
    const schema = db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all();
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()).toEqual(schema);
  });

  it('keeps the rows written at version 3 when migrating on (certainty NULL for them)', () => {
    const db = createDb(3);
    expect(getVersion(db)).toBe(3);
    // Rows as a version-3 writer stored them: no certainty column yet.
    const doc = sampleDocument();
    for (const b of doc.budget) delete b.certainty;
    writeBeforeCertainty(db, () => writeDocument(db, doc, { parserVersion: 'p1' }));
    const before = countRows(db);

    migrate(db);

    expect(getVersion(db)).toBe(LATEST_VERSION);
    expect(countRows(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM v_budget').get()).toEqual({ n: 3 });
    expect(db.prepare('SELECT count(*) AS n FROM budget_values WHERE certainty IS NOT NULL').get()).toEqual({ n: 0 });
  });

  it('refuses a database newer than the tool', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this tool/);
  });

  it('names the failed step, keeps the cause, and leaves the version where it was', () => {
    const db = new Database(':memory:');
    // A table in the way makes step 1 fail partway through its script.
    db.exec('CREATE TABLE goals (x INTEGER)');
    let error: unknown;
    try {
      migrate(db);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^migration 1 \(initial\) failed: .*already exists/);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(getVersion(db)).toBe(0);
    // The IMMEDIATE transaction rolled back everything the step did before failing.
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all()).toEqual([{ name: 'goals' }]);
  });

  it('keeps the CHECK lists of step 1 equal to the model enums (drift needs a new migration)', () => {
    const db = createDb();
    const sqlOf = (t: string) => (db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).get(t) as { sql: string }).sql;
    const listIn = (sql: string, column: string) => {
      const m = new RegExp(`CHECK \\(${column} IN\\s*\\(([^)]*)\\)`).exec(sql);
      return m ? [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]) : null;
    };
    expect(listIn(sqlOf('activities'), 'status')).toEqual(ActivityStatus.options);
    expect(listIn(sqlOf('goals'), 'assessment')).toEqual(Assessment.options);
    expect(listIn(sqlOf('budget_values'), 'measure')).toEqual(BudgetMeasure.options);
    expect(listIn(sqlOf('indicator_values'), 'kind')).toEqual(IndicatorValueKind.options);
  });

  it('has document_id indexed on every record table', () => {
    const db = createDb();
    for (const t of CONTRACT_TABLES.filter((t) => t !== 'documents' && t !== 'import_errors').concat('warnings')) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM ${t} WHERE document_id = 1`).all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX|USING PRIMARY KEY/);
    }
    expect(columnsOf(db, 'documents')).toContain('json');
  });
});

