/**
 * A synthetic archive for scale tests and the import bench: N documents written as
 * <out>/<kommun>/<year>/<serial>-<report>.<ext>, varied copies of the bundled fixtures
 * (fixtures/<name>/report.{txt,pdf,docx}) plus a sprinkle of broken files.
 *
 * - Text copies get another municipality (every mention of the fixture's own replaced),
 *   the years shifted, and a closing line with a serial and a varied number.
 * - PDF and DOCX copies vary at the byte level only (their sha256 must differ, their text may
 *   not): a PDF gets a comment after %%EOF (readers ignore it), a DOCX a ZIP archive comment.
 * - Every `brokenEvery`-th file is broken: empty, random bytes named .pdf, a truncated PDF or
 *   a text file named .docx.
 * The archive is deterministic for a given --seed.
 *
 *   node dist/scripts/synth-archive.js --out DIR --count N [--pdf 0.03] [--docx 0.03] [--broken-every 40] [--seed 1]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { KOMMUNER } from '../src/meta/kommuner.js';

/** The fixtures and the municipality and year each one is about. */
const SEEDS = [
  { dir: 'ale-2016-uppfoljningsrapport-augusti', kommun: 'Ale', year: 2016 },
  { dir: 'alingsas-2019-varbokslut', kommun: 'Alingsås', year: 2019 },
  { dir: 'hjo-2016-verksamhetsuppfoljning', kommun: 'Hjo', year: 2016 },
  { dir: 'molndal-2017-verksamhetsberattelse', kommun: 'Mölndal', year: 2017 },
  { dir: 'tyreso-2017-delarsrapport-augusti', kommun: 'Tyresö', year: 2017 },
] as const;

export interface SynthOptions {
  out: string;
  count: number;
  /** Share of PDF and DOCX copies (the rest are text). */
  pdfShare?: number;
  docxShare?: number;
  /** Every n-th file is broken (0: none). */
  brokenEvery?: number;
  seed?: number;
  fixtures?: string;
}

export interface SynthResult { files: string[]; broken: string[]; byFormat: Record<string, number> }

function rng(seed: number): () => number {
  let x = (seed * 2654435761) >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** A ZIP's end-of-central-directory record, found from the end, gets `comment` as its archive comment. */
export function withZipComment(zip: Uint8Array, comment: string): Uint8Array {
  const buf = Buffer.from(zip);
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      const c = Buffer.from(comment, 'latin1');
      const head = Buffer.from(buf.subarray(0, i + 22));
      head.writeUInt16LE(c.length, i + 20);
      return Buffer.concat([head, c]);
    }
  }
  throw new Error('not a ZIP file: no end-of-central-directory record');
}

export function synthArchive(o: SynthOptions): SynthResult {
  const random = rng(o.seed ?? 1);
  const fixtures = o.fixtures ?? 'fixtures';
  const pdfShare = o.pdfShare ?? 0.03;
  const docxShare = o.docxShare ?? 0.03;
  const brokenEvery = o.brokenEvery ?? 40;
  const sources = SEEDS.map((s) => ({
    ...s,
    txt: readFileSync(join(fixtures, s.dir, 'report.txt'), 'utf8'),
    pdf: readFileSync(join(fixtures, s.dir, 'report.pdf')),
    docx: readFileSync(join(fixtures, s.dir, 'report.docx')),
  }));
  const kommuner = KOMMUNER.map((k) => k.name);
  const result: SynthResult = { files: [], broken: [], byFormat: {} };
  for (let i = 0; i < o.count; i++) {
    const src = sources[i % sources.length];
    const kommun = kommuner[Math.floor(random() * kommuner.length)];
    const shift = Math.floor(random() * 8) - 3;
    const year = src.year + shift;
    const dir = join(o.out, slug(kommun), String(year));
    mkdirSync(dir, { recursive: true });
    const stem = `${String(i + 1).padStart(5, '0')}-${src.dir.replace(/^[a-z]+-\d{4}-/, '')}`;
    let name: string;
    let bytes: Uint8Array;
    let format: string;
    if (brokenEvery > 0 && (i + 1) % brokenEvery === 0) {
      const kind = Math.floor((i + 1) / brokenEvery) % 4;
      format = 'broken';
      if (kind === 0) { name = `${stem}.txt`; bytes = new Uint8Array(0); }
      else if (kind === 1) { name = `${stem}.pdf`; bytes = Uint8Array.from({ length: 2048 }, () => Math.floor(random() * 256)); }
      else if (kind === 2) { name = `${stem}.pdf`; bytes = src.pdf.subarray(0, Math.floor(src.pdf.length * (0.2 + random() * 0.5))); }
      else { name = `${stem}.docx`; bytes = Buffer.from(`Inte en Word-fil (${i})\n`); }
    } else {
      const r = random();
      if (r < pdfShare) {
        format = 'pdf';
        name = `${stem}.pdf`;
        bytes = Buffer.concat([src.pdf, Buffer.from(`\n% synth-archive ${i} ${kommun} ${year}\n`, 'latin1')]);
      } else if (r < pdfShare + docxShare) {
        format = 'docx';
        name = `${stem}.docx`;
        bytes = withZipComment(src.docx, `synth-archive ${i}`);
      } else {
        format = 'txt';
        name = `${stem}.txt`;
        let text = src.txt.replace(new RegExp(`\\b${escapeRe(src.kommun)}`, 'g'), kommun);
        // Years of the report and the years before it move together (2016 → 2018, 2015 → 2017).
        text = text.replace(/\b(19[89]\d|20[0-4]\d)\b/g, (y) => String(Number(y) + shift));
        text += `\n\nDokumentnummer ${i + 1}. Antal invånare ${Math.floor(2000 + random() * 900_000)}.\n`;
        bytes = Buffer.from(text, 'utf8');
      }
    }
    const path = join(dir, name);
    writeFileSync(path, bytes);
    result.files.push(path);
    if (format === 'broken') result.broken.push(path);
    result.byFormat[format] = (result.byFormat[format] ?? 0) + 1;
  }
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' }, count: { type: 'string' }, pdf: { type: 'string' }, docx: { type: 'string' },
      'broken-every': { type: 'string' }, seed: { type: 'string' },
    },
  });
  if (!values.out || !values.count) {
    process.stderr.write('Usage: node dist/scripts/synth-archive.js --out DIR --count N [--pdf 0.03] [--docx 0.03] [--broken-every 40] [--seed 1]\n');
    process.exitCode = 2;
    return;
  }
  const r = synthArchive({
    out: values.out, count: Number(values.count), seed: values.seed ? Number(values.seed) : 1,
    pdfShare: values.pdf ? Number(values.pdf) : undefined, docxShare: values.docx ? Number(values.docx) : undefined,
    brokenEvery: values['broken-every'] ? Number(values['broken-every']) : undefined,
  });
  process.stdout.write(`wrote ${r.files.length} files to ${values.out}: ${JSON.stringify(r.byFormat)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
