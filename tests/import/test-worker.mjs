// A stand-in extraction worker for tests/import/pool.test.ts: behaves by the task's path.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (task) => {
  const kind = task.path;
  if (kind === 'hang') { for (;;) { /* a parser stuck in a loop */ } }
  if (kind === 'oom') { const keep = []; for (;;) keep.push(new Array(1e5).fill({ x: keep.length })); }
  if (kind === 'exit') process.exit(3);
  // 'slow': ten steps of 100 ms, each reported as progress (like OCR pages), then the answer.
  // 'stall': three reported steps, then silence.
  if (kind === 'slow' || kind === 'stall') {
    let step = 0;
    const tick = () => {
      parentPort.postMessage({ id: task.id, progress: true });
      if (kind === 'stall' && ++step >= 3) return;
      if (kind === 'slow' && ++step >= 10) {
        parentPort.postMessage({ id: task.id, ok: true, json: '{"slow":true}', mappingsJson: '{}', pages: 10, warnings: 0 });
        return;
      }
      setTimeout(tick, 100);
    };
    tick();
    return;
  }
  if (kind === 'throw') setTimeout(() => { throw new Error('boom outside any promise'); }, 0);
  else parentPort.postMessage({ id: task.id, ok: true, json: JSON.stringify({ bytes: task.bytes.length }), mappingsJson: '{}', pages: null, warnings: 0 });
});
