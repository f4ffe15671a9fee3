/**
 * The extraction pool: a thread that hangs, runs out of memory, exits or throws costs its
 * task (a failure with a code) and is replaced; the next task runs on a fresh thread.
 * Uses a stand-in worker (test-worker.mjs) so the failures are certain.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractPool } from '../../src/import/pool.js';

const workerPath = fileURLToPath(new URL('./test-worker.mjs', import.meta.url));
const bytes = () => new Uint8Array([1, 2, 3]);
let pool: ExtractPool | null = null;
afterEach(async () => { await pool?.close(); pool = null; });

describe('extraction pool', () => {
  it('answers a task with the worker reply', async () => {
    pool = new ExtractPool({ size: 1, timeoutMs: 10_000, maxMemoryMb: 64, workerPath });
    expect(await pool.run('ok', bytes())).toEqual({ ok: true, json: '{"bytes":3}', mappingsJson: '{}', pages: null, warnings: 0 });
  });

  it('replaces a healthy thread after recycleAfter files, so long imports keep memory flat', async () => {
    pool = new ExtractPool({ size: 1, timeoutMs: 10_000, maxMemoryMb: 64, workerPath, recycleAfter: 2 });
    for (let i = 0; i < 5; i++) expect(await pool.run('ok', bytes())).toMatchObject({ ok: true });
    expect(pool.recycled).toBe(2);
    expect(pool.replaced).toBe(0);
  });

  it('fails a task that hangs with import:timeout and replaces its thread', async () => {
    pool = new ExtractPool({ size: 1, timeoutMs: 300, maxMemoryMb: 64, workerPath });
    expect(await pool.run('hang', bytes())).toMatchObject({ ok: false, code: 'import:timeout' });
    expect(await pool.run('ok', bytes())).toMatchObject({ ok: true });
    expect(pool.replaced).toBe(1);
  });

  it('lets a file that keeps reporting progress run past the timeout, and fails one that stops', async () => {
    // Timeout 300 ms; 'slow' takes ~1 s in 100 ms steps, each reported; 'stall' reports 3 steps, then hangs.
    pool = new ExtractPool({ size: 2, timeoutMs: 300, maxMemoryMb: 64, workerPath });
    const [slow, stall] = await Promise.all([pool.run('slow', bytes()), pool.run('stall', bytes())]);
    expect(slow).toEqual({ ok: true, json: '{"slow":true}', mappingsJson: '{}', pages: 10, warnings: 0 });
    expect(stall).toMatchObject({ ok: false, code: 'import:timeout' });
  });

  it('fails a task that exhausts the heap limit with import:out-of-memory', async () => {
    pool = new ExtractPool({ size: 1, timeoutMs: 30_000, maxMemoryMb: 32, workerPath });
    expect(await pool.run('oom', bytes())).toMatchObject({ ok: false, code: 'import:out-of-memory' });
    expect(await pool.run('ok', bytes())).toMatchObject({ ok: true });
  });

  it('fails a task whose thread exits or throws with import:worker-crashed', async () => {
    pool = new ExtractPool({ size: 2, timeoutMs: 10_000, maxMemoryMb: 64, workerPath });
    const [exit, thrown, fine] = await Promise.all([pool.run('exit', bytes()), pool.run('throw', bytes()), pool.run('ok', bytes())]);
    expect(exit).toMatchObject({ ok: false, code: 'import:worker-crashed' });
    expect(thrown).toMatchObject({ ok: false, code: 'import:worker-crashed' });
    expect(fine).toMatchObject({ ok: true });
  });

  it('runs queued tasks on the threads as they free up', async () => {
    pool = new ExtractPool({ size: 2, timeoutMs: 10_000, maxMemoryMb: 64, workerPath });
    const out = await Promise.all(Array.from({ length: 10 }, () => pool!.run('ok', bytes())));
    expect(out.every((o) => o.ok)).toBe(true);
  });
});
