/**
 * `kommunrapport import PATH... --db FILE`: extract every file and store it, one transaction
 * per document. A file that fails becomes an import_errors row and the batch goes on.
 * Idempotent: bytes already imported by this parser version are skipped.
 */
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { extractBytes, PARSER_VERSION, readInput, sha256, withWarnings } from '../pipeline/extract.js';
import {
  clearImportErrors, hasDocument, openWritable, recordImportError, writeDocument, type WritableDb,
} from '../store/index.js';
import { collectFiles } from './collect.js';
import { makeProgress } from './progress.js';
import { errorCode, failureLine, type CommandIo } from './io.js';

export const IMPORT_USAGE = `Usage: kommunrapport import PATH... --db FILE [--reparse] [--dry-run] [--jobs N] [--quiet]

Imports .txt, .md, .pdf and .docx files (folders recursively) into a SQLite database.
  --db FILE     the database (created if missing)
  --reparse     re-extract documents stored by an older parser version
  --dry-run     list what would be imported, skipped or re-parsed; write nothing
  --jobs N      files extracted at once (default: number of cores)
  --max-pages N read at most N pages of each PDF
  --quiet       no progress output
Exit 0 when every file was imported or skipped, 1 when any failed, 2 on bad usage.
`;

export interface ImportSummary { imported: number; skipped: number; failed: number; pages: number; seconds: number }

export async function importCommand(args: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: {
        db: { type: 'string' }, reparse: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false },
        jobs: { type: 'string' }, 'max-pages': { type: 'string' }, quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`import: ${(e as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) { io.stdout(IMPORT_USAGE); return 0; }
  if (!values.db || positionals.length === 0) { io.stderr(`import: needs PATH... and --db FILE\n${IMPORT_USAGE}`); return 2; }
  const jobs = values.jobs ? Number(values.jobs) : availableParallelism();
  const maxPages = values['max-pages'] ? Number(values['max-pages']) : undefined;
  const { files, missing } = await collectFiles(positionals);
  for (const m of missing) io.stderr(`import: no such file or folder: ${m}\n`);
  let db: WritableDb;
  try {
    db = openWritable(values.db);
  } catch (e) {
    io.stderr(`import: cannot open database ${values.db}: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    const summary = await importFiles(db, files, {
      jobs, maxPages, dryRun: values['dry-run'], io, progress: !values.quiet,
    });
    summary.failed += missing.length;
    io.stdout(`imported ${summary.imported}, skipped ${summary.skipped}, failed ${summary.failed}` +
      ` (${summary.pages} pages in ${summary.seconds.toFixed(1)} s, ${(summary.pages / Math.max(summary.seconds, 1e-9)).toFixed(1)} pages/s)\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}

interface ImportOptions { jobs: number; maxPages?: number; dryRun: boolean; io: CommandIo; progress: boolean }

export async function importFiles(db: WritableDb, files: string[], o: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const s = { imported: 0, skipped: 0, failed: 0, pages: 0 };
  const bar = makeProgress(process.stderr, o.progress);
  const limit = pLimit(Math.max(1, o.jobs));
  let done = 0;
  const one = async (path: string) => {
    try {
      const bytes = await readInput(path);
      if (hasDocument(db, sha256(bytes), PARSER_VERSION)) { s.skipped++; return; }
      if (o.dryRun) { o.io.stdout(`would import ${path}\n`); s.imported++; return; }
      const result = await extractBytes(bytes, path, { maxPages: o.maxPages });
      const doc = withWarnings(result);
      // Synchronous write after the async extraction: better-sqlite3 transactions must not await.
      writeDocument(db, doc, { parserVersion: PARSER_VERSION, path });
      clearImportErrors(db, path);
      s.imported++;
      s.pages += doc.source.pages ?? 0;
    } catch (e) {
      s.failed++;
      o.io.stderr(`import: ${failureLine(path, e)}\n`);
      if (!o.dryRun) {
        recordImportError(db, { path, sha256: null, parserVersion: PARSER_VERSION, code: errorCode(e), message: e instanceof Error ? e.message : String(e) });
      }
    } finally {
      done++;
      bar.update({ done, total: files.length, failed: s.failed, pages: s.pages, startedAt: started });
    }
  };
  await Promise.all(files.map((f) => limit(() => one(f))));
  bar.end();
  return { ...s, seconds: (Date.now() - started) / 1000 };
}
