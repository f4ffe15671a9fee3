/**
 * The import's totals: the summary line at the end and the `--report FILE` JSON are both
 * made from this one object.
 */
export interface FileFailure { path: string; code: string; message: string }

export interface ImportReport {
  parserVersion: string;
  jobs: number;
  dryRun: boolean;
  reparse: boolean;
  imported: number;
  /** Of `imported`: documents re-extracted because an older parser version stored them. */
  reparsed: number;
  skipped: number;
  /** Of `skipped`: stored by an older parser version (run with --reparse to re-extract). */
  stale: number;
  /** Of `skipped`: the same bytes as another file of this run. */
  duplicates: number;
  failed: number;
  pages: number;
  seconds: number;
  /** Stopped early by Ctrl-C (SIGINT): files in flight were finished and written. */
  interrupted: boolean;
  /** --dry-run: what would be done, by decision. */
  planned: { import: number; skip: number; reparse: number };
  batches: number;
  busyRetries: number;
  workersReplaced: number;
  /** Peak resident memory of this process, workers included (they are threads), in MB. */
  peakRssMb: number;
  failures: FileFailure[];
}

export function newReport(o: { parserVersion: string; jobs: number; dryRun?: boolean; reparse?: boolean }): ImportReport {
  return {
    parserVersion: o.parserVersion, jobs: o.jobs, dryRun: o.dryRun ?? false, reparse: o.reparse ?? false,
    imported: 0, reparsed: 0, skipped: 0, stale: 0, duplicates: 0, failed: 0, pages: 0, seconds: 0,
    interrupted: false, planned: { import: 0, skip: 0, reparse: 0 }, batches: 0, busyRetries: 0,
    workersReplaced: 0, peakRssMb: 0, failures: [],
  };
}

/** maxRSS of getrusage(RUSAGE_SELF): the whole process, so every worker thread is counted. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const rate = (n: number, secs: number) => (n / Math.max(secs, 1e-9)).toFixed(1);

export function summaryLine(r: ImportReport): string {
  const done = r.imported + r.skipped + r.failed;
  if (r.dryRun) {
    return `dry run: would import ${r.planned.import}, reparse ${r.planned.reparse}, skip ${r.planned.skip}` +
      (r.failed > 0 ? `, ${r.failed} unreadable` : '') + ' (nothing written)';
  }
  const notes: string[] = [];
  if (r.reparsed > 0) notes.push(`${r.reparsed} re-parsed`);
  if (r.stale > 0) notes.push(`${r.stale} skipped were stored by an older parser version; --reparse re-extracts them`);
  if (r.duplicates > 0) notes.push(`${r.duplicates} duplicate copies`);
  if (r.interrupted) notes.push('interrupted: run again to import the rest');
  return `imported ${r.imported}, skipped ${r.skipped}, failed ${r.failed}` +
    ` (${r.pages} pages in ${r.seconds.toFixed(1)} s, ${rate(r.pages, r.seconds)} pages/s, ${rate(done, r.seconds)} files/s)` +
    (notes.length > 0 ? `; ${notes.join('; ')}` : '');
}
