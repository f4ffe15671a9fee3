/**
 * Import workers compute the taxonomy mappings (so the single writing thread does not);
 * the stored mappings must equal those computed by writeDocument itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile, PARSER_VERSION, withWarnings } from '../../src/pipeline/extract.js';
import { openWritable, writeDocument } from '../../src/store/index.js';
import { inputPath, reportFixtures } from '../helpers/fixtures.js';
import { runImport } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'kr-map-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAP_SQL = `SELECT d.sha256, m.table_id, m.row, m.label, m.area, m.line, m.method, round(m.score, 6) AS score
  FROM budget_row_map m JOIN documents d ON d.id = m.document_id ORDER BY 1, 2, 3`;

describe('mappings computed in import workers', () => {
  it('equal the mappings writeDocument computes on its own', async () => {
    const files = reportFixtures().map((n) => inputPath(n, 'txt'));
    const viaImport = join(dir, 'import.sqlite');
    const r = await runImport([...files, '--db', viaImport, '--jobs', '2', '--quiet']);
    expect(r.code).toBe(0);
    const direct = openWritable(join(dir, 'direct.sqlite'));
    for (const f of files) writeDocument(direct, withWarnings(await extractFile(f)), { parserVersion: PARSER_VERSION, path: f });
    const a = new Database(viaImport, { readonly: true }).prepare(MAP_SQL).all();
    const b = direct.prepare(MAP_SQL).all();
    direct.close();
    expect(a.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  });
});
