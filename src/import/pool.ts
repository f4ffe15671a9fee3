/**
 * A fixed pool of extraction threads (node:worker_threads, one file per thread at a time).
 * Each task has a time limit without progress (a worker reports each page it reads or
 * recognises, so a 300-page scan may run long but a hang cannot) and each thread a V8 heap
 * limit (resourceLimits); a thread that times out, runs out of memory or dies is replaced, and its task comes back as a failure
 * with a code, never as a rejection, so the batch goes on.
 *
 * Threads run the compiled dist/src/import/worker.js: a worker cannot load TypeScript, so
 * tests (which run src/ through vitest) need `npm run build` first, as `npm test` does.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { POOL_CODES, type ExtractTask, type TaskOutcome, type TaskProgress, type TaskReply } from './protocol.js';

export interface PoolOptions {
  size: number;
  /** Per-file limit, in milliseconds, on the time without progress (a page read or recognised). */
  timeoutMs: number;
  /** Per-thread V8 old-generation limit, in MB (resourceLimits.maxOldGenerationSizeMb). */
  maxMemoryMb: number;
  /** Override the worker script (tests). */
  workerPath?: string;
  /** Replace a thread after this many files (default RECYCLE_AFTER_TASKS). */
  recycleAfter?: number;
}

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_MEMORY_MB = 2048;

/** dist/src/import/worker.js, also when this module itself runs from src/ under vitest or tsx. */
export function workerScriptPath(): string {
  const here = fileURLToPath(import.meta.url);
  const path = here.endsWith('.js') ? join(dirname(here), 'worker.js') : resolve(dirname(here), '../../dist/src/import/worker.js');
  if (!existsSync(path)) throw new Error(`the import worker ${path} is missing; run \`npm run build\` first`);
  return path;
}

interface Pending {
  task: ExtractTask;
  resolve: (o: TaskOutcome) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
  /** Set once the slot has given up on this worker (timeout, error, exit): its later events are ignored. */
  retired: boolean;
  /** Tasks this thread has finished. */
  done: number;
}

/**
 * A thread is replaced after this many files. pdf.js keeps font and image caches per thread
 * that grow over hundreds of documents; fresh threads keep an archive import's memory flat.
 */
export const RECYCLE_AFTER_TASKS = 100;

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly script: string;
  private nextId = 1;
  private closed = false;
  /** Threads that died before any task: a broken worker script, not a hostile file. */
  private startupFailures = 0;
  private broken: string | null = null;
  /** Threads replaced after a timeout, an out-of-memory or a crash. */
  replaced = 0;
  /** Threads retired after RECYCLE_AFTER_TASKS files (healthy, replaced to keep memory flat). */
  recycled = 0;

  constructor(private readonly o: PoolOptions) {
    this.script = o.workerPath ?? workerScriptPath();
    for (let i = 0; i < Math.max(1, o.size); i++) this.slots.push(this.spawn());
  }

  /** Extracts one file's bytes (transferred to the thread: the caller must not use them after). */
  run(path: string, bytes: Uint8Array, maxPages?: number): Promise<TaskOutcome> {
    if (this.closed) return Promise.reject(new Error('pool is closed'));
    if (this.broken) return Promise.resolve({ ok: false, code: POOL_CODES.crashed, message: this.broken });
    // Only a whole ArrayBuffer can be transferred; a view into a shared one is copied first.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
      ? bytes : new Uint8Array(bytes);
    return new Promise((resolve) => {
      const pending: Pending = { task: { id: this.nextId++, path, bytes: own, maxPages }, resolve };
      const idle = this.slots.find((s) => s.current === null && !s.retired);
      if (idle) this.dispatch(idle, pending);
      else this.queue.push(pending);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.resolve({ ok: false, code: 'import:cancelled', message: 'import stopped before this file was read' });
    await Promise.all(this.slots.map((s) => {
      s.retired = true;
      if (s.timer) clearTimeout(s.timer);
      return s.worker.terminate();
    }));
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, {
      resourceLimits: { maxOldGenerationSizeMb: this.o.maxMemoryMb },
      // pdf.js runs in this thread rather than in a thread of its own, so the time and memory
      // limits cover it and parallelism comes from the pool alone.
      env: { ...process.env, KOMMUNRAPPORT_PDF_THREADS: '0' },
    });
    const slot: Slot = { worker, current: null, timer: null, retired: false, done: 0 };
    worker.on('message', (reply: TaskReply | TaskProgress) => {
      if (slot.retired || !slot.current || reply.id !== slot.current.task.id) return;
      if ('progress' in reply) {
        this.arm(slot);
        return;
      }
      const outcome: TaskOutcome = reply.ok
        ? { ok: true, json: reply.json, mappingsJson: reply.mappingsJson, pages: reply.pages, warnings: reply.warnings }
        : { ok: false, code: reply.code, message: reply.message };
      this.finish(slot, outcome);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (slot.retired) return;
      const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(slot, oom
        ? { ok: false, code: POOL_CODES.outOfMemory, message: `worker ran out of memory (limit ${this.o.maxMemoryMb} MB heap)` }
        : { ok: false, code: POOL_CODES.crashed, message: `worker failed: ${e.message.split('\n')[0]}` });
    });
    worker.on('exit', (code) => {
      if (slot.retired) return;
      this.fail(slot, { ok: false, code: POOL_CODES.crashed, message: `worker exited with code ${code}` });
    });
    return slot;
  }

  private dispatch(slot: Slot, p: Pending): void {
    slot.current = p;
    this.arm(slot);
    slot.worker.postMessage(p.task, [p.task.bytes.buffer as ArrayBuffer]);
  }

  /** (Re)start the slot's timeout: on dispatch and on each progress report. */
  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      this.fail(slot, { ok: false, code: POOL_CODES.timeout, message: `no progress for ${this.o.timeoutMs / 1000} s (a page neither read nor recognised)` });
    }, this.o.timeoutMs);
  }

  private finish(slot: Slot, outcome: TaskOutcome): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const p = slot.current;
    slot.current = null;
    p?.resolve(outcome);
    if (++slot.done >= (this.o.recycleAfter ?? RECYCLE_AFTER_TASKS) && !this.closed) {
      slot.retired = true;
      this.recycled++;
      void slot.worker.terminate();
      const fresh = this.spawn();
      this.slots[this.slots.indexOf(slot)] = fresh;
      this.next(fresh);
      return;
    }
    this.next(slot);
  }

  /** The thread is lost: answer its task with `outcome`, stop it, and put a fresh one in its place. */
  private fail(slot: Slot, outcome: TaskOutcome): void {
    slot.retired = true;
    if (slot.timer) clearTimeout(slot.timer);
    void slot.worker.terminate();
    const p = slot.current;
    slot.current = null;
    p?.resolve(outcome);
    if (this.closed) return;
    if (!p && ++this.startupFailures >= 3) {
      // Respawning a thread that cannot start would loop forever; fail what is queued instead.
      this.broken = `import workers cannot start: ${outcome.ok ? '' : outcome.message}`;
      for (const q of this.queue.splice(0)) q.resolve({ ok: false, code: POOL_CODES.crashed, message: this.broken });
      return;
    }
    this.replaced++;
    const fresh = this.spawn();
    this.slots[this.slots.indexOf(slot)] = fresh;
    this.next(fresh);
  }

  private next(slot: Slot): void {
    if (slot.retired || slot.current) return;
    const p = this.queue.shift();
    if (p) this.dispatch(slot, p);
  }
}
