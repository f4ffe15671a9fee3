/**
 * Progress on stderr: a bar redrawn at most 10 times a second on a terminal, a plain line
 * every few seconds otherwise (logs, CI). `total` is null while the folders are still being
 * counted; the ETA appears once it is known.
 */
export interface ProgressState {
  done: number;
  total: number | null;
  failed: number;
  pages: number;
  startedAt: number;
}

const PLAIN_EVERY_MS = 5000;
const TTY_EVERY_MS = 100;

export function progressText(s: ProgressState, now = Date.now()): string {
  const secs = (now - s.startedAt) / 1000;
  const rate = secs > 0 ? s.done / secs : 0;
  const pageRate = secs > 0 ? s.pages / secs : 0;
  const of = s.total === null ? '' : `/${s.total}`;
  const eta = s.total !== null && rate > 0 ? `, ETA ${formatSeconds((s.total - s.done) / rate)}` : '';
  return `${s.done}${of} files, ${s.pages} pages, ${rate.toFixed(1)} files/s, ${pageRate.toFixed(1)} pages/s${eta}, ${s.failed} failed`;
}

export function formatSeconds(secs: number): string {
  const t = Math.max(0, Math.round(secs));
  if (t < 60) return `${t}s`;
  if (t < 3600) return `${Math.floor(t / 60)}m${String(t % 60).padStart(2, '0')}s`;
  return `${Math.floor(t / 3600)}h${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}m`;
}

export function makeProgress(stream: NodeJS.WriteStream, enabled: boolean) {
  let last = 0;
  let drawn = false;
  let finalShown = false;
  const tty = stream.isTTY === true;
  return {
    update(s: ProgressState, force = false) {
      if (!enabled) return;
      const now = Date.now();
      const finished = s.total !== null && s.done >= s.total;
      if (finished && finalShown && !force) return;
      if (!force && !finished && now - last < (tty ? TTY_EVERY_MS : PLAIN_EVERY_MS)) return;
      finalShown ||= finished;
      last = now;
      const text = progressText(s, now);
      if (tty) {
        const width = 24;
        const filled = s.total ? Math.min(width, Math.round((s.done / s.total) * width)) : 0;
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
        drawn = true;
      } else {
        stream.write(`${text}\n`);
      }
    },
    /** Wipes the bar so another line can be written; the next update redraws it. */
    clear() { if (enabled && tty && drawn) { stream.write('\r\x1b[K'); drawn = false; } },
    end() { if (enabled && tty && drawn) stream.write('\n'); },
  };
}
