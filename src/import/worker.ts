/**
 * One extraction worker (a worker_threads thread; the pool runs the compiled file
 * dist/src/import/worker.js). It extracts one file at a time and replies with the canonical
 * document as JSON, or with the extractor's error code. It never touches the database.
 */
import { parentPort } from 'node:worker_threads';
import { UnreadableInputError } from '../model/diagnostic.js';
import { extractBytes, withWarnings } from '../pipeline/extract.js';
import type { ExtractTask, TaskProgress, TaskReply } from './protocol.js';
import { mapDocument } from '../compare/map-document.js';

if (!parentPort) throw new Error('src/import/worker.ts runs as a worker thread, started by the import pool');
const port = parentPort;

// Library chatter (pdf.js prints with console.log) must not reach the CLI's stdout.
console.log = () => {};
console.warn = () => {};

port.on('message', (task: ExtractTask) => {
  void handle(task).then((reply) => port.postMessage(reply));
});

/** Progress to the pool at most every PROGRESS_EVERY_MS: it restarts the file's timeout. */
const PROGRESS_EVERY_MS = 1000;
function progressSender(id: number): () => void {
  let last = 0;
  return () => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    const msg: TaskProgress = { id, progress: true };
    port.postMessage(msg);
  };
}

async function handle(task: ExtractTask): Promise<TaskReply> {
  try {
    const result = await extractBytes(task.bytes, task.path, { maxPages: task.maxPages, onProgress: progressSender(task.id) });
    const doc = withWarnings(result);
    const json = JSON.stringify(doc);
    // Mapping labels to the taxonomy is CPU work that depends on the document alone: do it here,
    // in parallel, rather than on the one thread that writes the database.
    const mappingsJson = JSON.stringify(mapDocument(doc));
    return { id: task.id, ok: true, json, mappingsJson, pages: doc.source.pages, warnings: doc.warnings.length };
  } catch (e) {
    const code = e instanceof UnreadableInputError ? e.code : 'internal:error';
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { id: task.id, ok: false, code, message };
  }
}
