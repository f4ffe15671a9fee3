/**
 * `kommunrapport import PATH... --db FILE`: extract every file in a pool of worker threads
 * and store it from this thread in batched transactions (src/import/). A file that fails,
 * hangs or exhausts its worker's memory becomes an import_errors row and the batch goes on.
 * Idempotent and resumable: bytes already stored by this parser version are skipped, and
 * each document is written all-or-nothing, so a killed run is finished by running it again.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { PARSER_VERSION } from '../pipeline/extract.js';
import { openWritable, type WritableDb } from '../store/index.js';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS } from '../import/pool.js';
import type { ImportReport } from '../import/report.js';
import { summaryLine } from '../import/report.js';
import { runImport } from '../import/scheduler.js';
import { countPaths, walkPaths } from './collect.js';
import { makeProgress } from './progress.js';
import type { CommandIo } from './io.js';

export const IMPORT_USAGE = `Usage: kommunrapport import PATH... --db FILE [options]

Imports .txt, .md, .pdf and .docx files (folders recursively) into a SQLite database.
  --db FILE          the database (created if missing)
  --reparse          re-extract documents stored by an older parser version
                     (without it they are skipped and counted as stale)
  --dry-run          list what would be imported, skipped or re-parsed; write nothing
  --jobs N           worker threads extracting at once (default: number of cores)
  --timeout S        seconds a file may go without progress (a page read or OCR'd) before it fails as import:timeout (default ${DEFAULT_TIMEOUT_MS / 1000})
  --max-memory MB    heap limit of each worker; a file over it fails as import:out-of-memory (default ${DEFAULT_MAX_MEMORY_MB})
  --max-pages N      read at most N pages of each PDF
  --report FILE      write the totals and every failure as JSON
  --quiet            no progress output
Ctrl-C stops after the files in flight and writes them (exit 130); a second Ctrl-C stops at once
(a stopped or killed import is finished by running it again).
Exit 0 when every file was imported or skipped, 1 when any failed, 2 on bad usage, 130 when interrupted.
`;

export interface ImportSummary { imported: number; skipped: number; failed: number; pages: number; seconds: number }

function positive(name: string, v: string | undefined, integer: boolean): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new Error(`--${name} needs a positive ${integer ? 'integer' : 'number'}, got '${v}'`);
  return n;
}

export async function importCommand(args: string[], io: CommandIo): Promise<number> {
  let values, positionals, jobs, timeoutS, maxMemoryMb, maxPages;
  try {
    ({ values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: {
        db: { type: 'string' }, reparse: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false },
        jobs: { type: 'string' }, timeout: { type: 'string' }, 'max-memory': { type: 'string' }, 'max-pages': { type: 'string' },
        report: { type: 'string' }, quiet: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
      },
    }));
    jobs = positive('jobs', values.jobs, true) ?? availableParallelism();
    timeoutS = positive('timeout', values.timeout, false) ?? DEFAULT_TIMEOUT_MS / 1000;
    maxMemoryMb = positive('max-memory', values['max-memory'], true) ?? DEFAULT_MAX_MEMORY_MB;
    maxPages = positive('max-pages', values['max-pages'], true);
  } catch (e) {
    io.stderr(`import: ${(e as Error).message}\n`);
    return 2;
  }
  if (values.help) { io.stdout(IMPORT_USAGE); return 0; }
  if (!values.db || positionals.length === 0) { io.stderr(`import: needs PATH... and --db FILE\n${IMPORT_USAGE}`); return 2; }

  let db: WritableDb;
  try {
    db = openWritable(values.db);
  } catch (e) {
    io.stderr(`import: cannot open database ${values.db}: ${(e as Error).message}\n`);
    return 2;
  }

  // First Ctrl-C: take no new files, finish and write those in flight. Second: leave now;
  // nothing is half-written (one transaction per document), and a rerun finishes the batch.
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) { process.stderr.write('\nimport: stopped\n'); process.exit(130); }
    stop.abort();
    process.stderr.write('\nimport: stopping after the files in flight (Ctrl-C again to stop now)\n');
  };
  process.on('SIGINT', onSigint);

  const bar = makeProgress(process.stderr, !values.quiet && !values['dry-run']);
  const startedAt = Date.now();
  let total: number | null = null;
  if (!values.quiet) void countPaths(positionals).then((n) => { total = n; }, () => undefined);
  let report: ImportReport;
  try {
    report = await runImport(db, walkPaths(positionals), {
      parserVersion: PARSER_VERSION, jobs, timeoutMs: timeoutS * 1000, maxMemoryMb, maxPages,
      reparse: values.reparse, dryRun: values['dry-run'], signal: stop.signal,
      onFile: (line) => (values['dry-run'] ? io.stdout(`${line}\n`) : (bar.clear(), io.stderr(`import: ${line}\n`))),
      onProgress: (r) => bar.update({ done: r.imported + r.skipped + r.failed, total, failed: r.failed, pages: r.pages, startedAt }),
    });
  } finally {
    process.off('SIGINT', onSigint);
    bar.end();
    db.close();
  }
  io.stdout(`${summaryLine(report)}\n`);
  if (values.report) {
    try {
      writeFileSync(values.report, JSON.stringify(report, null, 2) + '\n');
    } catch (e) {
      io.stderr(`import: cannot write report ${values.report}: ${(e as Error).message}\n`);
    }
  }
  if (report.interrupted) return 130;
  return report.failed > 0 ? 1 : 0;
}

interface ImportOptions { jobs: number; maxPages?: number; dryRun: boolean; io: CommandIo; progress: boolean; reparse?: boolean; timeoutMs?: number; maxMemoryMb?: number }

/** In-process import of a list of files (demo, bench, tests): the same loop as the command. */
export async function importFiles(db: WritableDb, files: string[], o: ImportOptions): Promise<ImportSummary & { report: ImportReport }> {
  const bar = makeProgress(process.stderr, o.progress);
  const startedAt = Date.now();
  async function* entries() { for (const path of files) yield { path }; }
  const report = await runImport(db, entries(), {
    parserVersion: PARSER_VERSION, jobs: o.jobs, maxPages: o.maxPages, dryRun: o.dryRun, reparse: o.reparse,
    timeoutMs: o.timeoutMs, maxMemoryMb: o.maxMemoryMb,
    onFile: (line) => o.io.stderr(`import: ${line}\n`),
    onProgress: (r) => bar.update({ done: r.imported + r.skipped + r.failed, total: files.length, failed: r.failed, pages: r.pages, startedAt }),
  });
  bar.end();
  const { imported, skipped, failed, pages, seconds } = report;
  return { imported, skipped, failed, pages, seconds, report };
}
