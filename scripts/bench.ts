/**
 * npm run bench: speed and memory of extraction, measured here and never by timed test
 * assertions. Prints one table and writes .bench/results.json.
 *
 *   text     in-process extraction throughput (MB/s) over fixtures/* /report.txt, repeated ≥ 1 s
 *   cli      `extract FILE --quiet` wall time per text seed (a fresh node process each run)
 *   import   the five text seeds into a fresh SQLite file (importFiles, and the CLI)
 *   pdf      pages/s of the full pipeline (what extractBytes does, OCR of image-only pages left
 *            out) and of a pass that only calls getTextContent on every page (the floor), side
 *            by side, same files, same run; extractBytes with OCR once, on its own line
 *   pdf300   a 300-page PDF joined from the fixture pages with pdf-lib (.bench/joined-300.pdf),
 *            full pipeline in a child process: pages/s and the child's peak RSS
 *   docx     documents/s and paragraphs/s over fixtures/* /report.docx, in a child: peak RSS
 *   process  peak RSS of this bench process
 *
 * Timings are the best of several rounds (the minimum is the least disturbed by other load on
 * the machine); rounds of the full pipeline and the floor alternate so both see the same load.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flatMap } from '../src/model/result.js';
import { buildDocument } from '../src/pipeline/build.js';
import { extractBytes, sha256 } from '../src/pipeline/extract.js';
import { readPdf } from '../src/readers/pdf/read-pdf.js';
import { readSource } from '../src/readers/index.js';
import { withPdfDocument } from '../src/readers/pdf/pdfjs-session.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SELF = fileURLToPath(import.meta.url);
const OUT_DIR = path.join(ROOT, '.bench');
const FIXTURES = path.join(ROOT, 'fixtures');
const JOINED_PAGES = 300;

const mb = (bytes: number): number => bytes / (1024 * 1024);
const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
const now = (): number => performance.now();
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

function seeds(ext: 'txt' | 'pdf' | 'docx'): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(FIXTURES, d.name, `report.${ext}`))
    .filter((f) => existsSync(f))
    .sort();
}

function realPdfs(): string[] {
  const dir = path.join(FIXTURES, 'real');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => path.join(dir, f)) : [];
}

/** The floor: open the document and call getTextContent on every page, nothing else. */
async function textLayerOnly(bytes: Uint8Array): Promise<number> {
  return withPdfDocument(bytes, async (s) => {
    for (let n = 1; n <= s.numPages; n++) await s.readTextLayer(n);
    return s.numPages;
  });
}

/**
 * The full pipeline on the text layer: extractBytes (readSource → buildDocument) with OCR of
 * image-only pages left out, as the floor leaves it out (OCR is timed on its own line).
 */
async function fullPipeline(bytes: Uint8Array, file: string): Promise<number> {
  const src = await readPdf(bytes, { ocr: false });
  const r = flatMap(src, (s) => buildDocument(s, { path: file, sha256: sha256(bytes) }));
  return r.value.source.pages ?? 0;
}

// ---------------------------------------------------------------- child processes

interface ChildReport { seconds: number; pages?: number; docs?: number; paragraphs?: number; maxRssMb: number }

async function childMain(kind: string, files: string[]): Promise<void> {
  let report: ChildReport;
  if (kind === 'pdf' || kind === 'pdf-floor') {
    const bytes = new Uint8Array(readFileSync(files[0]!));
    const t = now();
    const pages = kind === 'pdf' ? await fullPipeline(bytes, files[0]!) : await textLayerOnly(bytes);
    report = { seconds: (now() - t) / 1000, pages, maxRssMb: maxRssMb() };
  } else if (kind === 'docx') {
    const inputs = files.map((f) => ({ f, bytes: new Uint8Array(readFileSync(f)) }));
    let paragraphs = 0;
    for (const { f, bytes } of inputs) {
      const src = await readSource(bytes, f);
      paragraphs += src.value.blocks.filter((b) => b.kind === 'line').length;
      await extractBytes(bytes, f); // warm-up
    }
    let passes = 0;
    const t = now();
    do {
      for (const { f, bytes } of inputs) await extractBytes(bytes, f);
      passes++;
    } while (now() - t < 1000 || passes < 2);
    const seconds = (now() - t) / 1000;
    report = { seconds, docs: passes * inputs.length, paragraphs: passes * paragraphs, maxRssMb: maxRssMb() };
  } else throw new Error(`unknown child kind ${kind}`);
  process.stdout.write(JSON.stringify(report) + '\n');
}

function runChild(kind: string, files: string[]): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SELF, '--child', kind, ...files], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`bench child ${kind} exited ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildReport);
    });
  });
}

// ---------------------------------------------------------------- measurements

async function benchText(): Promise<{ mbPerS: number; bytes: number; passes: number; seconds: number }> {
  const inputs = seeds('txt').map((f) => ({ f, bytes: new Uint8Array(readFileSync(f)) }));
  const total = inputs.reduce((a, x) => a + x.bytes.length, 0);
  for (const { f, bytes } of inputs) await extractBytes(bytes, f); // warm-up
  let passes = 0;
  const t = now();
  do {
    for (const { f, bytes } of inputs) await extractBytes(bytes, f);
    passes++;
  } while (now() - t < 1000 || passes < 3);
  const seconds = (now() - t) / 1000;
  return { mbPerS: mb(total * passes) / seconds, bytes: total, passes, seconds };
}

function benchCli(): Array<{ file: string; bestMs: number; medianMs: number }> {
  const bin = path.join(ROOT, 'bin', 'kommunrapport.js');
  return seeds('txt').map((file) => {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = now();
      const r = spawnSync(process.execPath, [bin, 'extract', file, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
      ms.push(now() - t);
      if (r.status !== 0 && r.status !== 1) throw new Error(`extract ${file} exited ${r.status}: ${r.stderr}`);
    }
    ms.sort((a, b) => a - b);
    return { file: path.relative(ROOT, file), bestMs: ms[0]!, medianMs: ms[ms.length >> 1]! };
  });
}

async function benchImport(): Promise<{ inProcessMs: number; cliMs: number; files: number }> {
  const { importFiles } = await import('../src/cli/import.js');
  const { openWritable } = await import('../src/store/index.js');
  const files = seeds('txt');
  const io = { stdout: (): void => undefined, stderr: (s: string): void => { process.stderr.write(s); } };
  const dir = mkdtempSync(path.join(tmpdir(), 'kommunrapport-bench-'));
  try {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = now();
      const db = openWritable(path.join(dir, `in-process-${i}.sqlite`));
      try {
        const s = await importFiles(db, files, { jobs: availableParallelism(), dryRun: false, io, progress: false });
        if (s.imported !== files.length) throw new Error(`imported ${s.imported} of ${files.length}`);
      } finally {
        db.close();
      }
      best = Math.min(best, now() - t);
    }
    let cliBest = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = now();
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kommunrapport.js'), 'import', ...files,
        '--db', path.join(dir, `cli-${i}.sqlite`), '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status !== 0) throw new Error(`import CLI exited ${r.status}: ${r.stderr}`);
      cliBest = Math.min(cliBest, now() - t);
    }
    return { inProcessMs: best, cliMs: cliBest, files: files.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall times, and CPU times of the whole process (pdf.js worker thread included). */
interface PdfRow {
  file: string; pages: number; floorMs: number; readerMs: number; fullMs: number; floorCpuMs: number; fullCpuMs: number;
  /** Wall times of every round, floor and full pipeline run back to back in each. */
  floorRoundsMs: number[]; fullRoundsMs: number[];
  /** extractBytes as the CLI runs it, OCR of image-only pages included (one run). */
  extractMs?: number;
}

/** Wall and CPU milliseconds of one call. */
async function timed(f: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = now();
  await f();
  const d = process.cpuUsage(c);
  return { wall: now() - t, cpu: (d.user + d.system) / 1000 };
}

async function benchPdf(rounds = 7): Promise<PdfRow[]> {
  const files = [...seeds('pdf'), ...realPdfs()];
  const rows: PdfRow[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const pages = await textLayerOnly(bytes); // warm-up (JIT, fonts, CMaps)
    await fullPipeline(bytes, file);
    const row: PdfRow = {
      file: path.relative(ROOT, file), pages, floorMs: Infinity, readerMs: Infinity, fullMs: Infinity, floorCpuMs: Infinity, fullCpuMs: Infinity,
      floorRoundsMs: [], fullRoundsMs: [],
    };
    for (let i = 0; i < rounds; i++) {
      const floor = await timed(() => textLayerOnly(bytes));
      row.floorMs = Math.min(row.floorMs, floor.wall);
      row.floorCpuMs = Math.min(row.floorCpuMs, floor.cpu);
      row.readerMs = Math.min(row.readerMs, (await timed(() => readPdf(bytes, { ocr: false }))).wall);
      const full = await timed(() => fullPipeline(bytes, file));
      row.floorRoundsMs.push(floor.wall);
      row.fullRoundsMs.push(full.wall);
      row.fullMs = Math.min(row.fullMs, full.wall);
      row.fullCpuMs = Math.min(row.fullCpuMs, full.cpu);
    }
    row.extractMs = (await timed(() => extractBytes(bytes, file))).wall;
    rows.push(row);
  }
  return rows;
}

async function joinedPdf(): Promise<string> {
  const out = path.join(OUT_DIR, `joined-${JOINED_PAGES}.pdf`);
  if (existsSync(out)) return out;
  const { PDFDocument } = await import('pdf-lib');
  const joined = await PDFDocument.create();
  const sources = await Promise.all([...seeds('pdf'), ...realPdfs()].map(async (f) =>
    PDFDocument.load(readFileSync(f), { ignoreEncryption: true, updateMetadata: false })));
  let k = 0;
  while (joined.getPageCount() < JOINED_PAGES) {
    const src = sources[k++ % sources.length]!;
    const want = Math.min(src.getPageCount(), JOINED_PAGES - joined.getPageCount());
    const pages = await joined.copyPages(src, Array.from({ length: want }, (_, i) => i));
    for (const p of pages) joined.addPage(p);
  }
  writeFileSync(out, await joined.save());
  return out;
}

// ---------------------------------------------------------------- report

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAvgAtStart: loadavg().map((x) => round(x, 2)),
    loadAvgAtEnd: [] as number[],
    pdfThreads: process.env.KOMMUNRAPPORT_PDF_THREADS ?? 'default (1)',
  };
  process.stderr.write(`bench on ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, load ${machine.loadAvgAtStart.join(' ')}\n`);

  process.stderr.write('text…\n');
  const text = await benchText();
  process.stderr.write('extract CLI…\n');
  const cli = benchCli();
  process.stderr.write('import…\n');
  const imp = await benchImport();
  process.stderr.write('pdf (full pipeline vs getTextContent floor)…\n');
  const pdf = await benchPdf();
  process.stderr.write(`pdf ${JOINED_PAGES} pages (child processes)…\n`);
  const big = await joinedPdf();
  const bigFull = await runChild('pdf', [big]);
  const bigFloor = await runChild('pdf-floor', [big]);
  process.stderr.write('docx (child process)…\n');
  const docx = await runChild('docx', seeds('docx'));

  const pages = pdf.reduce((a, r) => a + r.pages, 0);
  const floorS = pdf.reduce((a, r) => a + r.floorMs, 0) / 1000;
  const readerS = pdf.reduce((a, r) => a + r.readerMs, 0) / 1000;
  const fullS = pdf.reduce((a, r) => a + r.fullMs, 0) / 1000;
  const floorCpuS = pdf.reduce((a, r) => a + r.floorCpuMs, 0) / 1000;
  // Round by round: the floor and the full pipeline of a file run back to back, so their ratio
  // sees the same load; the median over rounds is steadier than the ratio of the best times
  // when other processes come and go on the machine.
  const pairedRatios = pdf[0]!.floorRoundsMs.map((_, i) =>
    pdf.reduce((a, r) => a + r.fullRoundsMs[i]!, 0) / pdf.reduce((a, r) => a + r.floorRoundsMs[i]!, 0)).sort((a, b) => a - b);
  const pairedMedian = pairedRatios[pairedRatios.length >> 1]!;
  const fullCpuS = pdf.reduce((a, r) => a + r.fullCpuMs, 0) / 1000;
  const rows: Array<[string, string, string]> = [];
  const add = (what: string, value: string, note = ''): void => { rows.push([what, value, note]); };
  add('text extraction (in process)', `${text.mbPerS.toFixed(2)} MB/s`, `${seeds('txt').length} seeds, ${(mb(text.bytes) * 1024).toFixed(0)} KiB × ${text.passes} passes`);
  for (const c of cli) add(`extract CLI ${path.basename(path.dirname(c.file))}`, `${c.bestMs.toFixed(0)} ms`, `median ${c.medianMs.toFixed(0)} ms of 5`);
  add('import 5 text seeds (importFiles)', `${imp.inProcessMs.toFixed(0)} ms`, 'fresh SQLite file, best of 3');
  add('import 5 text seeds (CLI)', `${imp.cliMs.toFixed(0)} ms`, 'node start included, best of 3');
  for (const r of pdf) {
    add(`pdf ${path.basename(r.file) === 'report.pdf' ? path.basename(path.dirname(r.file)) : path.basename(r.file)}`,
      `${(r.pages / (r.fullMs / 1000)).toFixed(1)} p/s`,
      `${r.pages} p; full ${r.fullMs.toFixed(0)} ms, reader ${r.readerMs.toFixed(0)} ms, floor ${r.floorMs.toFixed(0)} ms; full/floor ${(r.fullMs / r.floorMs).toFixed(2)}`);
  }
  add('pdf all: full pipeline', `${(pages / fullS).toFixed(1)} p/s`, `${pages} pages, ${fullS.toFixed(2)} s`);
  add('pdf all: reader only (readPdf)', `${(pages / readerS).toFixed(1)} p/s`, `${readerS.toFixed(2)} s`);
  add('pdf all: getTextContent floor', `${(pages / floorS).toFixed(1)} p/s`, `${floorS.toFixed(2)} s`);
  add('pdf all: full / floor', `${(fullS / floorS).toFixed(2)}×`, `wall time; reader / floor ${(readerS / floorS).toFixed(2)}×`);
  add('pdf all: full / floor, paired', `${pairedMedian.toFixed(2)}×`, `median over ${pairedRatios.length} rounds of Σ full / Σ floor, each file's pair run back to back (range ${pairedRatios[0]!.toFixed(2)}–${pairedRatios[pairedRatios.length - 1]!.toFixed(2)})`);
  add('pdf all: full / floor, CPU', `${(fullCpuS / floorCpuS).toFixed(2)}×`, `process CPU time, all threads: full ${fullCpuS.toFixed(2)} s, floor ${floorCpuS.toFixed(2)} s`);
  const extractS = pdf.reduce((a, r) => a + (r.extractMs ?? 0), 0) / 1000;
  add('pdf all: extractBytes with OCR', `${(pages / extractS).toFixed(1)} p/s`, `${extractS.toFixed(2)} s, one run; OCR of the pages without a text layer included`);
  add(`pdf ${JOINED_PAGES} pages: full pipeline`, `${(bigFull.pages! / bigFull.seconds).toFixed(1)} p/s`, `${bigFull.seconds.toFixed(2)} s, cold child process, OCR off`);
  add(`pdf ${JOINED_PAGES} pages: peak RSS`, `${bigFull.maxRssMb.toFixed(0)} MB`, `floor child ${bigFloor.maxRssMb.toFixed(0)} MB, ${(bigFloor.pages! / bigFloor.seconds).toFixed(1)} p/s`);
  add('docx', `${(docx.docs! / docx.seconds).toFixed(1)} docs/s`, `${(docx.paragraphs! / docx.seconds).toFixed(0)} paragraphs/s`);
  add('docx child: peak RSS', `${docx.maxRssMb.toFixed(0)} MB`);
  add('bench process: peak RSS', `${maxRssMb().toFixed(0)} MB`);

  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['measure', 'value', 'notes'][i]!.length));
  const line = (r: string[]): string => r.map((c, i) => (i === 1 ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join('  ').trimEnd();
  console.log(`\n${machine.cpu} · ${machine.cores} cores · ${machine.memGb} GB · node ${machine.node} · load ${machine.loadAvgAtStart[0]} at start (other processes share the cores: wall times are the best of several rounds)\n`);
  console.log(line(['measure', 'value', 'notes']));
  console.log(line(w.map((n) => '-'.repeat(n))));
  for (const r of rows) console.log(line(r));

  machine.loadAvgAtEnd = loadavg().map((x) => round(x, 2));
  const results = {
    date: new Date().toISOString(),
    machine,
    text: { ...text, seeds: seeds('txt').length },
    extractCli: cli,
    import: imp,
    pdf: {
      rows: pdf, pages, fullSeconds: fullS, readerSeconds: readerS, floorSeconds: floorS, fullPerFloor: fullS / floorS,
      readerPerFloor: readerS / floorS, pairedRatios, pairedMedian, fullCpuSeconds: fullCpuS, floorCpuSeconds: floorCpuS, fullPerFloorCpu: fullCpuS / floorCpuS,
    },
    pdf300: { file: path.relative(ROOT, big), bytes: statSync(big).size, full: bigFull, floor: bigFloor },
    docx,
    benchMaxRssMb: maxRssMb(),
  };
  writeFileSync(path.join(OUT_DIR, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(ROOT, path.join(OUT_DIR, 'results.json'))}`);
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await childMain(process.argv[childAt + 1]!, process.argv.slice(childAt + 2));
else await main();
