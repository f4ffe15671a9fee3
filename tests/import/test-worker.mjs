// A stand-in extraction worker for tests/import/pool.test.ts: behaves by the task's path.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (task) => {
  const kind = task.path;
  if (kind === 'hang') { for (;;) { /* a parser stuck in a loop */ } }
  if (kind === 'oom') { const keep = []; for (;;) keep.push(new Array(1e5).fill({ x: keep.length })); }
  if (kind === 'exit') process.exit(3);
  if (kind === 'throw') setTimeout(() => { throw new Error('boom outside any promise'); }, 0);
  else parentPort.postMessage({ id: task.id, ok: true, json: JSON.stringify({ bytes: task.bytes.length }), mappingsJson: '{}', pages: null, warnings: 0 });
});
