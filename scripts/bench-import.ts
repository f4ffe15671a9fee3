/**
 * Import bench (issue 5): a synthetic archive (scripts/synth-archive.ts; mostly text, 3% PDF,
 * 3% DOCX, every 40th file broken) imported by the CLI as a child process into a fresh
 * database. Reports documents/s, pages/s and the peak RSS of the import process (worker
 * threads included: they share its address space, and the report's peakRssMb is
 * getrusage maxRSS), plus CPU seconds, which matter when the machine is shared.
 *
 *   npm run bench:import [-- --small 200 --large 2000 --speedup 200]
 *
 * Runs: --jobs 1 and --jobs 2 on the `speedup`-document archive (the speed-up of 2 workers
 * over 1), then --jobs 2 on the small and the large archive (peak RSS flat between them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { synthArchive } from './synth-archive.js';

interface Run { label: string; docs: number; jobs: number; seconds: number; cpuSeconds: number; imported: number; failed: number; pages: number; peakRssMb: number; docsPerS: number; pagesPerS: number }

function importRun(label: string, archive: string, files: number, jobs: number, work: string): Run {
  const db = join(work, `${label}.sqlite`);
  const report = join(work, `${label}.json`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['bin/kommunrapport.js', 'import', archive, '--db', db, '--jobs', String(jobs), '--quiet', '--report', report], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`import failed (${r.status}): ${r.stderr}`);
  // A child's CPU is not in resourceUsage(); cutime + cstime of /proc/self/stat are (Linux).
  const rep = JSON.parse(readFileSync(report, 'utf8'));
  const stat = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[13]) + Number(stat[14]); // cutime + cstime, cumulative over children
  return {
    label, docs: files, jobs, seconds, cpuSeconds: ticks / 100, imported: rep.imported, failed: rep.failed, pages: rep.pages,
    peakRssMb: rep.peakRssMb, docsPerS: (rep.imported + rep.failed) / seconds, pagesPerS: rep.pages / seconds,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { small: { type: 'string' }, large: { type: 'string' }, speedup: { type: 'string' } } });
  const small = Number(values.small ?? 200);
  const large = Number(values.large ?? 2000);
  const speed = Number(values.speedup ?? 200);
  const work = mkdtempSync(join(tmpdir(), 'kr-bench-import-'));
  const runs: Run[] = [];
  let cpuBefore = 0;
  const run = (label: string, archive: string, n: number, jobs: number) => {
    const r = importRun(label, archive, n, jobs, work);
    const total = r.cpuSeconds;
    r.cpuSeconds = total - cpuBefore;
    cpuBefore = total;
    runs.push(r);
    process.stderr.write(`${label}: ${JSON.stringify(r)}\n`);
    return r;
  };
  try {
    const archives = new Map<number, string>();
    for (const n of new Set([small, large, speed])) {
      const out = join(work, `archive-${n}`);
      synthArchive({ out, count: n, seed: 7 });
      archives.set(n, out);
    }
    const one = run(`${speed} docs, 1 worker`, archives.get(speed)!, speed, 1);
    const two = run(`${speed} docs, 2 workers`, archives.get(speed)!, speed, 2);
    const s = small === speed ? two : run(`${small} docs, 2 workers`, archives.get(small)!, small, 2);
    const l = run(`${large} docs, 2 workers`, archives.get(large)!, large, 2);
    const lines = [
      `machine: ${cpus().length} cores, load average before ${loadavg()[0].toFixed(1)} (other work on the machine slows every figure)`,
      '| run | files | wall s | CPU s | files/s | pages/s | peak RSS MB |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...runs.map((r) => `| ${r.label} | ${r.docs} | ${r.seconds.toFixed(1)} | ${r.cpuSeconds.toFixed(1)} | ${r.docsPerS.toFixed(1)} | ${r.pagesPerS.toFixed(1)} | ${r.peakRssMb} |`),
      `speed-up of 2 workers over 1: ${(one.seconds / two.seconds).toFixed(2)}× (target ≥ 1.7× on 2 idle cores)`,
      `peak RSS ${large} vs ${small} documents: ${l.peakRssMb} vs ${s.peakRssMb} MB (${((l.peakRssMb / s.peakRssMb - 1) * 100).toFixed(0)}%, target within 20%)`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
