/**
 * Messages between the import scheduler (main thread) and its extraction workers. Plain
 * structured-cloneable values only: the document travels as its JSON text, which clones as
 * one string (a memcpy) instead of a walk over thousands of small objects.
 */

export interface ExtractTask {
  id: number;
  path: string;
  /** The file's bytes, read and hashed by the main thread; transferred, not copied. */
  bytes: Uint8Array;
  maxPages?: number;
}

export type TaskReply =
  | { id: number; ok: true; json: string; mappingsJson: string; pages: number | null; warnings: number }
  | { id: number; ok: false; code: string; message: string };

/** Sent while a task runs (a page read or recognised): the file is slow, not stuck. */
export interface TaskProgress { id: number; progress: true }

/** What the pool hands back for one task: the worker's reply, or why the worker died on it. */
export type TaskOutcome =
  | { ok: true; json: string; mappingsJson: string; pages: number | null; warnings: number }
  | { ok: false; code: string; message: string };

/** Error codes of failures that come from the pool rather than from the extractor. */
export const POOL_CODES = {
  timeout: 'import:timeout',
  outOfMemory: 'import:out-of-memory',
  crashed: 'import:worker-crashed',
} as const;
