import { describe, expect, it } from 'vitest';
import { runQuery } from '../../src/store/query.js';
import { LATEST_VERSION } from '../../src/store/migrate.js';
import { countRows, writeDocument } from '../../src/store/write-document.js';
import { createDb } from './db.js';
import { sampleDocument } from './sample-document.js';

function seeded() {
  const db = createDb();
  writeDocument(db, sampleDocument(), { parserVersion: 'p1' });
  return db;
}

describe('runQuery', () => {
  it('returns column names and rows as arrays', () => {
    const db = seeded();
    expect(runQuery(db, `SELECT label, value_tkr FROM v_budget WHERE row = 2`)).toEqual({
      columns: ['label', 'value_tkr'],
      rows: [['varav hemtjänst', 400]],
    });
  });

  it('keeps repeated column names', () => {
    expect(runQuery(createDb(), 'SELECT 1 AS a, 2 AS a').columns).toEqual(['a', 'a']);
  });

  it('allows a CTE and a reading pragma', () => {
    const db = seeded();
    expect(runQuery(db, 'WITH x AS (SELECT 1 AS n) SELECT n FROM x').rows).toEqual([[1]]);
    expect(runQuery(db, 'PRAGMA user_version').rows).toEqual([[LATEST_VERSION]]);
  });

  it.each([
    `INSERT INTO import_errors (path, parser_version, code, message, occurred_at) VALUES ('a', 'p', 'c', 'm', 'now')`,
    `DELETE FROM documents`,
    `DELETE FROM documents RETURNING id`,
    `CREATE TABLE t (x)`,
    `PRAGMA user_version = 7`,
    `ATTACH ':memory:' AS other`,
  ])('rejects a writer: %s', (sql) => {
    const db = seeded();
    const before = countRows(db);
    expect(() => runQuery(db, sql)).toThrow('query is read-only');
    expect(countRows(db)).toEqual(before);
  });

  it('rejects more than one statement, even if all read', () => {
    const db = seeded();
    expect(() => runQuery(db, 'SELECT 1; SELECT 2')).toThrow('query must be exactly one SQL statement');
    expect(() => runQuery(db, 'SELECT 1; DELETE FROM documents')).toThrow('exactly one SQL statement');
    expect(countRows(db).documents).toBe(1);
  });

  it('allows a trailing semicolon', () => {
    expect(runQuery(createDb(), 'SELECT 1;').rows).toEqual([[1]]);
  });

  it('rejects empty SQL and reports SQL errors', () => {
    expect(() => runQuery(createDb(), '  ')).toThrow('query is empty');
    expect(() => runQuery(createDb(), 'SELECT * FROM nope')).toThrow(/no such table: nope/);
  });
});
