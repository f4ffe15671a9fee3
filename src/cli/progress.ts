/** Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise. */
export interface ProgressState { done: number; total: number; failed: number; pages: number; startedAt: number }

const PLAIN_EVERY_MS = 5000;

export function makeProgress(stream: NodeJS.WriteStream, enabled: boolean) {
  let lastPlain = 0;
  const tty = stream.isTTY === true;
  return {
    update(s: ProgressState) {
      if (!enabled) return;
      const secs = (Date.now() - s.startedAt) / 1000;
      const rate = secs > 0 ? s.done / secs : 0;
      const eta = rate > 0 ? Math.round((s.total - s.done) / rate) : 0;
      const text = `${s.done}/${s.total} files, ${s.pages} pages, ${rate.toFixed(1)} files/s, ETA ${eta}s, ${s.failed} failed`;
      if (tty) {
        const width = 24;
        const filled = s.total > 0 ? Math.round((s.done / s.total) * width) : width;
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
      } else if (Date.now() - lastPlain >= PLAIN_EVERY_MS || s.done === s.total) {
        lastPlain = Date.now();
        stream.write(`${text}\n`);
      }
    },
    end() { if (enabled && tty) stream.write('\n'); },
  };
}
