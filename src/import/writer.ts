/**
 * The one place an import writes: documents and error rows are buffered and committed in
 * batches (up to `maxOps` operations or `maxDelayMs` after the first one waits), one
 * BEGIN IMMEDIATE transaction per batch and a savepoint per document inside it, so a
 * document is still all-or-nothing while the commit cost (an fsync of the WAL) is shared.
 *
 * better-sqlite3 is synchronous, so the transaction itself never awaits; only the retry
 * after SQLITE_BUSY (another importer held the lock past busy_timeout) waits, between tries.
 */
import type { CanonicalDocument } from '../model/index.js';
import type { DocumentMappings } from '../compare/write-mappings.js';
import {
  clearImportErrors, recordImportError, writeDocument, type WritableDb,
} from '../store/index.js';
import { storedParserVersion } from '../store/write-document.js';

export type WriteOp =
  | { kind: 'document'; path: string; sha256: string; doc: CanonicalDocument; mappings?: DocumentMappings }
  | { kind: 'error'; path: string; sha256: string | null; code: string; message: string };

/** What became of one operation once its batch committed. */
export type WriteOutcome =
  | { status: 'imported' }
  /** Another importer stored the same bytes with this parser version meanwhile. */
  | { status: 'skipped' }
  | { status: 'failed'; code: string; message: string }
  | { status: 'recorded' };

export interface WriterOptions {
  parserVersion: string;
  maxOps?: number;
  maxDelayMs?: number;
  /** Tries of a batch that meets SQLITE_BUSY (each already waited busy_timeout). */
  busyTries?: number;
}

interface Queued { op: WriteOp; done: (o: WriteOutcome) => void }

export const BATCH_MAX_OPS = 20;
export const BATCH_MAX_DELAY_MS = 2000;

export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class BatchWriter {
  private buffer: Queued[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly maxOps: number;
  private readonly maxDelayMs: number;
  private readonly busyTries: number;
  batches = 0;
  busyRetries = 0;

  constructor(private readonly db: WritableDb, private readonly o: WriterOptions) {
    this.maxOps = o.maxOps ?? BATCH_MAX_OPS;
    this.maxDelayMs = o.maxDelayMs ?? BATCH_MAX_DELAY_MS;
    this.busyTries = o.busyTries ?? 30;
  }

  /**
   * Queues one operation; resolves once it is buffered (after the previous batch committed
   * when the buffer is full, which is the back-pressure on extraction). `done` is called with
   * the outcome when its batch commits.
   */
  async add(op: WriteOp, done: (o: WriteOutcome) => void): Promise<void> {
    this.buffer.push({ op, done });
    if (this.buffer.length >= this.maxOps) {
      await this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => { void this.flush(); }, this.maxDelayMs);
    }
  }

  /** Commits what is buffered; batches commit one after another, in the order queued. */
  flush(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() => this.commit(batch));
    return this.flushing;
  }

  private async commit(batch: Queued[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcomes = this.runBatch(batch);
        this.batches++;
        batch.forEach((q, i) => q.done(outcomes[i]));
        return;
      } catch (e) {
        if (isBusy(e) && attempt < this.busyTries) {
          this.busyRetries++;
          await sleep(Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random()));
          continue;
        }
        // Not a lock: the batch as a whole could not commit (disk full, corrupt file …).
        const message = e instanceof Error ? e.message : String(e);
        for (const q of batch) q.done({ status: 'failed', code: 'store:write-failed', message });
        return;
      }
    }
  }

  /** One IMMEDIATE transaction; each operation in a savepoint of its own. */
  private runBatch(batch: Queued[]): WriteOutcome[] {
    const { db } = this;
    const one = db.transaction((op: WriteOp): WriteOutcome => {
      if (op.kind === 'error') {
        // One row per path: the latest failure (a resumed run retries the file and must not add a second row).
        clearImportErrors(db, op.path);
        recordImportError(db, { path: op.path, sha256: op.sha256, parserVersion: this.o.parserVersion, code: op.code, message: op.message });
        return { status: 'recorded' };
      }
      // Re-read under the write lock: a concurrent importer may have stored these bytes meanwhile.
      if (storedParserVersion(db, op.sha256) === this.o.parserVersion) return { status: 'skipped' };
      writeDocument(db, op.doc, { parserVersion: this.o.parserVersion, path: op.path, mappings: op.mappings });
      clearImportErrors(db, op.path);
      return { status: 'imported' };
    });
    const all = db.transaction((): WriteOutcome[] => batch.map((q) => {
      try {
        return one(q.op);
      } catch (e) {
        if (isBusy(e)) throw e;
        // The savepoint rolled this document back; the rest of the batch stands.
        const message = e instanceof Error ? e.message : String(e);
        one({ kind: 'error', path: q.op.path, sha256: q.op.sha256, code: 'store:write-failed', message });
        return { status: 'failed', code: 'store:write-failed', message };
      }
    }));
    return all.immediate();
  }
}
