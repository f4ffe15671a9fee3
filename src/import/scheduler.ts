/**
 * The import loop: streams paths from the walker, reads and hashes each file on this thread,
 * decides import / skip / reparse against the database, sends the bytes to the extraction
 * pool and the result to the batch writer. At most `jobs + READ_AHEAD` files are read and
 * not yet handed to the writer, and the writer holds at most one batch, so memory stays flat
 * however many files are queued.
 *
 * Decisions (`decide`):
 * - not stored → import;
 * - stored by this parser version → skip (CONTRACT: idempotent);
 * - stored by an older version → skip, counted as `stale`, unless --reparse; re-extraction
 *   of a whole archive is an explicit choice, which is what the --reparse flag exists for;
 * - stored by a newer version (a newer tool wrote this database) → skip, even with --reparse.
 * The same bytes met twice in one run (copies under two names) are extracted once; the copy
 * shares the first one's outcome.
 */
import { UnreadableInputError } from '../model/diagnostic.js';
import type { CanonicalDocument } from '../model/index.js';
import type { DocumentMappings } from '../compare/write-mappings.js';
import { readInput, sha256 } from '../pipeline/extract.js';
import type { WritableDb } from '../store/index.js';
import { storedParserVersion } from '../store/write-document.js';
import type { WalkEntry } from '../cli/collect.js';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS, ExtractPool } from './pool.js';
import { newReport, peakRssMb, type FileFailure, type ImportReport } from './report.js';
import { BatchWriter } from './writer.js';

export type Decision = 'import' | 'skip' | 'reparse';

export interface RunOptions {
  parserVersion: string;
  jobs: number;
  timeoutMs?: number;
  maxMemoryMb?: number;
  maxPages?: number;
  reparse?: boolean;
  dryRun?: boolean;
  /** Aborting stops taking new files; files in flight finish and are written. */
  signal?: AbortSignal;
  /** Called after every file with the running totals. */
  onProgress?: (r: ImportReport) => void;
  /** One line per file in --dry-run ("import PATH"), and per failure otherwise. */
  onFile?: (line: string) => void;
  /** Batch limits (tests). */
  batchMaxOps?: number;
  batchMaxDelayMs?: number;
}

/** Files read ahead of the pool, so a thread never waits for the disk. */
const READ_AHEAD = 2;

export function decide(stored: string | null, current: string, reparse: boolean): { decision: Decision; stale: boolean } {
  if (stored === null) return { decision: 'import', stale: false };
  if (stored === current) return { decision: 'skip', stale: false };
  const older = compareVersions(stored, current) < 0;
  if (older && reparse) return { decision: 'reparse', stale: false };
  return { decision: 'skip', stale: older };
}

/** Dotted numeric versions ("0.10.0" > "0.9.1"); non-numeric parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}

type Shared = { status: 'imported' | 'skipped' } | { status: 'failed'; code: string; message: string };

class Slots {
  private free: number;
  private waiting: Array<() => void> = [];
  constructor(n: number) { this.free = n; }
  async acquire(): Promise<void> {
    if (this.free > 0) { this.free--; return; }
    await new Promise<void>((r) => this.waiting.push(r));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

export async function runImport(db: WritableDb, entries: AsyncIterable<WalkEntry>, o: RunOptions): Promise<ImportReport> {
  const report = newReport(o);
  const started = Date.now();
  const tick = () => {
    report.seconds = (Date.now() - started) / 1000;
    o.onProgress?.(report);
  };
  const fail = (f: FileFailure) => {
    report.failed++;
    report.failures.push(f);
    o.onFile?.(`${f.path}: ${f.code}: ${f.message}`);
  };

  const pool = o.dryRun ? null : new ExtractPool({
    size: o.jobs, timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxMemoryMb: o.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB,
  });
  const writer = new BatchWriter(db, { parserVersion: o.parserVersion, maxOps: o.batchMaxOps, maxDelayMs: o.batchMaxDelayMs });
  const slots = new Slots(Math.max(1, o.jobs) + READ_AHEAD);
  const bySha = new Map<string, Promise<Shared>>();
  const tails: Promise<void>[] = [];
  const running = new Set<Promise<void>>();

  /** The write side of a failure: an import_errors row (one per path), unless this is a dry run. */
  const recordFailure = async (path: string, sha: string | null, code: string, message: string): Promise<void> => {
    if (o.dryRun) { fail({ path, code, message }); tick(); return; }
    await writer.add({ kind: 'error', path, sha256: sha, code, message }, () => { fail({ path, code, message }); tick(); });
  };

  const processFile = async (path: string): Promise<void> => {
    let bytes: Uint8Array;
    try {
      bytes = await readInput(path);
    } catch (e) {
      const code = e instanceof UnreadableInputError ? e.code : 'input:unreadable';
      const message = e instanceof Error ? e.message : String(e);
      await recordFailure(path, null, code, message);
      return;
    }
    const sha = sha256(bytes);
    const first = bySha.get(sha);
    if (first) {
      // The same bytes under another name in this run: share the first copy's outcome.
      if (o.dryRun) o.onFile?.(`skip ${path} (same bytes as an earlier file)`);
      tails.push(first.then(async (s) => {
        if (s.status === 'failed') await recordFailure(path, sha, s.code, s.message);
        else { report.skipped++; report.duplicates++; tick(); }
      }));
      return;
    }
    let resolveShared!: (s: Shared) => void;
    bySha.set(sha, new Promise<Shared>((r) => { resolveShared = r; }));
    const share = resolveShared;

    const { decision, stale } = decide(storedParserVersion(db, sha), o.parserVersion, o.reparse ?? false);
    if (o.dryRun) {
      o.onFile?.(`${decision} ${path}`);
      report.planned[decision]++;
      if (decision === 'skip') { report.skipped++; if (stale) report.stale++; }
      share({ status: 'skipped' });
      tick();
      return;
    }
    if (decision === 'skip') {
      report.skipped++;
      if (stale) report.stale++;
      share({ status: 'skipped' });
      tick();
      return;
    }
    const outcome = await pool!.run(path, bytes);
    if (!outcome.ok) {
      share({ status: 'failed', code: outcome.code, message: outcome.message });
      await recordFailure(path, sha, outcome.code, outcome.message);
      return;
    }
    const doc = JSON.parse(outcome.json) as CanonicalDocument;
    const mappings = JSON.parse(outcome.mappingsJson) as DocumentMappings;
    await writer.add({ kind: 'document', path, sha256: sha, doc, mappings }, (w) => {
      if (w.status === 'imported') {
        report.imported++;
        if (decision === 'reparse') report.reparsed++;
        report.pages += outcome.pages ?? 0;
        share({ status: 'imported' });
      } else if (w.status === 'skipped') {
        report.skipped++;
        share({ status: 'skipped' });
      } else if (w.status === 'failed') {
        fail({ path, code: w.code, message: w.message });
        share({ status: 'failed', code: w.code, message: w.message });
      }
      tick();
    });
  };

  try {
    for await (const entry of entries) {
      if (o.signal?.aborted) break;
      if ('missing' in entry) {
        fail({ path: entry.missing, code: 'input:not-found', message: entry.reason });
        tick();
        continue;
      }
      await slots.acquire();
      if (o.signal?.aborted) { slots.release(); break; }
      const p: Promise<void> = processFile(entry.path)
        .catch((e: unknown) => {
          // A bug in this loop, not in a file: report it against the file and go on.
          fail({ path: entry.path, code: 'internal:error', message: e instanceof Error ? e.message : String(e) });
        })
        .finally(() => { slots.release(); running.delete(p); });
      running.add(p);
    }
    await Promise.all(running);
    // Commit what is buffered first: copies of the same bytes wait for their first's outcome.
    await writer.flush();
    await Promise.all(tails);
    await writer.flush();
  } finally {
    await pool?.close();
  }
  report.interrupted = o.signal?.aborted ?? false;
  report.batches = writer.batches;
  report.busyRetries = writer.busyRetries;
  report.workersReplaced = pool?.replaced ?? 0;
  report.peakRssMb = peakRssMb();
  tick();
  return report;
}
