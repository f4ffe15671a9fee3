/**
 * A database of the five seed reports, read from their report.txt (text only: fast, and the
 * same records as the golden files), written with the library as `import` would.
 */
import { join } from 'node:path';
import { extractFile, withWarnings, PARSER_VERSION } from '../../src/pipeline/extract.js';
import { writeDocument } from '../../src/store/write-document.js';
import type { WritableDb } from '../../src/store/open.js';
import { createDb } from '../store/db.js';
import { reportFixtures, FIXTURES } from '../helpers/fixtures.js';
import { demoInputs } from '../../scripts/demo-inputs.js';

export async function seedDb(): Promise<WritableDb> {
  const db = createDb();
  for (const name of reportFixtures()) {
    const path = join(FIXTURES, name, 'report.txt');
    const doc = withWarnings(await extractFile(path));
    writeDocument(db, doc, { parserVersion: PARSER_VERSION, path, importedAt: '2024-01-01T00:00:00.000Z' });
  }
  return db;
}

/** The demo database: every file `npm run demo` imports (text, PDF and DOCX of each report, and the real PDFs). */
export async function demoDb(): Promise<WritableDb> {
  const db = createDb();
  for (const path of await demoInputs()) {
    const doc = withWarnings(await extractFile(path));
    writeDocument(db, doc, { parserVersion: PARSER_VERSION, path, importedAt: '2024-01-01T00:00:00.000Z' });
  }
  return db;
}
