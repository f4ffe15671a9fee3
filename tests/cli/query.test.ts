import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCsv, formatJson, formatTable } from '../../src/cli/format.js';
import { queryCommand } from '../../src/cli/query.js';
import { openWritable } from '../../src/store/open.js';
import { countRows, writeDocument } from '../../src/store/write-document.js';
import { sampleDocument } from '../store/sample-document.js';

let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kommunrapport-query-'));
  dbPath = join(dir, 'r.db');
  const db = openWritable(dbPath);
  writeDocument(db, sampleDocument(), { parserVersion: 'p1' });
  db.close();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await queryCommand(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('queryCommand', () => {
  it('prints an aligned table by default', async () => {
    const r = await run('--db', dbPath, `SELECT label, value_tkr, NULL AS note FROM v_budget WHERE row = 1 ORDER BY value_tkr`);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'label        value_tkr  note',
        '-----------  ---------  ----',
        'Äldreomsorg        -50',
        'Äldreomsorg       1200',
        '',
      ].join('\n'),
    });
  });

  it('prints JSON objects', async () => {
    const r = await run('--db', dbPath, '--format', 'json', `SELECT municipality, year, organ FROM v_goals`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ municipality: 'Ale', year: 2016, organ: 'Socialnämnden' }]);
  });

  it('prints CSV, with the SQL before the options too', async () => {
    const r = await run(`SELECT path, value_text FROM v_budget WHERE row = 2`, '--format=csv', '--db', dbPath);
    expect(r).toEqual({ code: 0, stderr: '', stdout: 'path,value_text\nÄldreomsorg > varav hemtjänst,400\n' });
  });

  it('prints help on --help and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kommunrapport query --db FILE "SQL"/);
  });

  it.each([
    [[`SELECT 1`], /missing --db FILE/],
    [['--db', 'x.db'], /missing SQL/],
    [['--db', 'x.db', 'SELECT 1', 'SELECT 2'], /expected one SQL argument/],
    [['--db', 'x.db', '--format', 'xml', 'SELECT 1'], /unknown format "xml"/],
    [['--db', 'x.db', '--bogus', 'SELECT 1'], /Unknown option '--bogus'/],
  ])('exits 2 on bad usage %j', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 on a missing database and does not create it', async () => {
    const missing = join(dir, 'missing.db');
    const r = await run('--db', missing, 'SELECT 1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^query: cannot open database .*missing\.db: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on a file that is not a database', async () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not sqlite, just text long enough to have a header '.repeat(20));
    const r = await run('--db', junk, 'SELECT 1 FROM documents');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a database/);
  });

  it.each([
    [`DELETE FROM documents`, 'query: query is read-only\n'],
    [`SELECT 1; DELETE FROM documents`, 'query: query must be exactly one SQL statement\n'],
    [`SELECT * FROM nope`, 'query: no such table: nope\n'],
  ])('exits 2 with one line on bad SQL: %s', async (sql, stderr) => {
    const r = await run('--db', dbPath, sql);
    expect(r).toEqual({ code: 2, stdout: '', stderr });
    const db = openWritable(dbPath);
    try {
      expect(countRows(db).documents).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('formatTable', () => {
  it('shows NULL as empty, right-aligns number columns and keeps rows on one line', () => {
    expect(formatTable(['a', 'n'], [['x\ny', 1.5], [null, null], ['long text', 10]])).toBe(
      ['a          n', '---------  ---', 'x y        1.5', '', 'long text   10', ''].join('\n'),
    );
  });

  it('prints only the header for no rows', () => {
    expect(formatTable(['a', 'bb'], [])).toBe('a  bb\n-  --\n');
  });
});

describe('formatCsv', () => {
  it('quotes per RFC 4180 and leaves NULL empty', () => {
    expect(formatCsv(['a', 'b,c'], [['say "hi"', null], ['x\ny', 3], ['plain', -1.25]])).toBe(
      'a,"b,c"\n"say ""hi""",\n"x\ny",3\nplain,-1.25\n',
    );
  });
});

describe('formatJson', () => {
  it('makes an array of objects with null for NULL', () => {
    expect(JSON.parse(formatJson(['a', 'b'], [[1, null], ['ö', 2]]))).toEqual([{ a: 1, b: null }, { a: 'ö', b: 2 }]);
  });

  it('prints an empty array for no rows', () => {
    expect(formatJson(['a'], [])).toBe('[]\n');
  });
});
