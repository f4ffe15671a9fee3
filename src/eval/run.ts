/**
 * The impure half of `npm run eval`: finds the inputs, extracts them (a file that fails to
 * extract becomes a failure row, never a crash) and hands the documents to the pure scorers.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { CanonicalDocument } from '../model/document.js';
import { extractFile, statusOf } from '../pipeline/extract.js';
import { scoreReal, type GoldFile, type RealScore } from './gold.js';
import {
  failedPair, scorePeerPair, summariseSuite,
  type PeerExpect, type PeerTableScore, type SuiteSummary,
} from './peer.js';
import { matchTables, scoreHeadings, type Truth } from './truth.js';

export interface Extracted { doc: CanonicalDocument | null; status: 'success' | 'partial' | 'failure'; error: string | null; ms: number }

export async function safeExtract(path: string, timeoutMs = 180_000): Promise<Extracted> {
  const t0 = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, rej) => { timer = setTimeout(() => rej(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs); });
    const r = await Promise.race([extractFile(path), timeout]);
    return { doc: r.value, status: statusOf(r), error: null, ms: Date.now() - t0 };
  } catch (e) {
    const err = e as Error & { code?: string };
    return { doc: null, status: 'failure', error: `${err.code ? `${err.code}: ` : ''}${err.message ?? String(e)}`, ms: Date.now() - t0 };
  } finally {
    clearTimeout(timer);
  }
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/* ---------------------------------------------------------------- 1. bundled fixtures vs truth.json */

export interface FixtureRow {
  fixture: string;
  format: string;
  status: Extracted['status'];
  error: string | null;
  ms: number;
  headings: { truth: number; found: number; matched: number; precision: number; recall: number; missed: string[] } | null;
  tables: { truth: number; matched: number; cells: number; agreeing: number; agreement: number | null } | null;
}

export async function runFixtures(root: string, onProgress?: (s: string) => void): Promise<FixtureRow[]> {
  const dir = join(root, 'fixtures');
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'truth.json')))
    .map((d) => d.name).sort();
  const rows: FixtureRow[] = [];
  for (const name of names) {
    const truth = await readJson<Truth>(join(dir, name, 'truth.json'));
    for (const format of ['txt', 'pdf', 'docx']) {
      const file = join(dir, name, `report.${format}`);
      if (!existsSync(file)) continue;
      onProgress?.(`${name}/report.${format}`);
      const x = await safeExtract(file);
      const row: FixtureRow = { fixture: name, format, status: x.status, error: x.error, ms: x.ms, headings: null, tables: null };
      if (x.doc) {
        row.headings = scoreHeadings(truth.headings, x.doc);
        const m = matchTables(truth.tables, x.doc);
        const cells = m.reduce((n, t) => n + t.cells, 0);
        const agreeing = m.reduce((n, t) => n + t.agreeing, 0);
        row.tables = { truth: m.length, matched: m.filter((t) => t.tableId).length, cells, agreeing, agreement: cells ? agreeing / cells : null };
      }
      rows.push(row);
    }
  }
  return rows;
}

/* ---------------------------------------------------------------- 2. real PDFs vs gold */

export interface RealRow { name: string; status: Extracted['status']; error: string | null; ms: number; score: RealScore | null; headingsScope: string | null }

export async function runReal(root: string, onProgress?: (s: string) => void): Promise<RealRow[]> {
  const dir = join(root, 'fixtures', 'real');
  if (!existsSync(dir)) return [];
  const pdfs = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.pdf')).sort();
  const rows: RealRow[] = [];
  for (const pdf of pdfs) {
    const goldPath = join(dir, pdf.replace(/\.pdf$/i, '.gold.json'));
    if (!existsSync(goldPath)) continue;
    const gold = await readJson<GoldFile>(goldPath);
    onProgress?.(`real/${pdf}`);
    const x = await safeExtract(join(dir, pdf));
    rows.push({
      name: pdf.replace(/\.pdf$/i, ''), status: x.status, error: x.error, ms: x.ms,
      score: x.doc ? scoreReal(gold, x.doc) : null, headingsScope: gold.headings_scope ?? null,
    });
  }
  return rows;
}

/* ---------------------------------------------------------------- 3. peer suites */

export interface PeerIndexEntry { suite: string; name: string; pdf: string; json: string }
export interface PeerPairRow { suite: string; name: string; status: Extracted['status']; error: string | null; ms: number; tablesExtracted: number; scores: PeerTableScore[] }

export async function runPeers(dir: string, onProgress?: (s: string) => void): Promise<{ pairs: PeerPairRow[]; suites: SuiteSummary[] } | null> {
  const indexPath = join(dir, 'index.json');
  if (!existsSync(indexPath)) return null;
  const index = (await readJson<PeerIndexEntry[]>(indexPath)).filter((e) => !e.suite.startsWith('_'));
  const pairs: PeerPairRow[] = [];
  for (const e of index) {
    const exp = await readJson<PeerExpect>(join(dir, e.json));
    onProgress?.(`peers/${e.suite}/${basename(e.pdf)}`);
    const x = await safeExtract(join(dir, e.pdf));
    const preds = x.doc ? x.doc.tables.map((t) => ({ page: t.page, pageEnd: t.pageEnd, rows: t.rows })) : [];
    pairs.push({
      suite: e.suite, name: e.name, status: x.status, error: x.error, ms: x.ms, tablesExtracted: preds.length,
      scores: x.doc ? scorePeerPair(exp, preds) : failedPair(exp),
    });
  }
  const suites = [...new Set(pairs.map((p) => p.suite))].sort()
    .map((s) => summariseSuite(s, pairs.filter((p) => p.suite === s).map((p) => ({ failed: p.status === 'failure', scores: p.scores }))));
  if (suites.length > 1) {
    suites.push(summariseSuite('ALL', pairs.map((p) => ({ failed: p.status === 'failure', scores: p.scores }))));
  }
  return { pairs, suites };
}
