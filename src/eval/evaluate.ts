/**
 * `kommunrapport eval`: finds the documents that have a gold file, extracts them, scores each
 * against its gold (score-doc.ts) and checks the scores against thresholds. Discovery and
 * threshold checks are plain functions so tests can drive them with documents made in memory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { z } from 'zod';
import type { CanonicalDocument } from '../model/document.js';
import { GoldFileError, parseGold, type GoldFileParsed } from './gold-schema.js';
import { KINDS, scoreDocument, totalScores, type DocScores } from './score-doc.js';
import type { RecordKind } from './gold.js';

export const INPUT_EXTENSIONS = ['.txt', '.md', '.pdf', '.docx'] as const;

export interface GoldPair { input: string; gold: string }

/**
 * The gold file of an input: <stem>.gold.json beside <stem>.<ext>, or fixtures/<name>/gold.json
 * beside report.<ext>.
 */
export function goldPathFor(input: string): string | null {
  const ext = extname(input);
  const own = join(dirname(input), `${basename(input, ext)}.gold.json`);
  if (existsSync(own)) return own;
  // A folder's gold.json belongs to its report.* inputs (other files there, such as a scanned
  // variant, need their own <stem>.gold.json).
  const shared = join(dirname(input), 'gold.json');
  return basename(input, ext) === 'report' && existsSync(shared) ? shared : null;
}

const isInput = (p: string) => (INPUT_EXTENSIONS as readonly string[]).includes(extname(p).toLowerCase()) && !p.endsWith('.expected.json');

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/**
 * PATHs (folders, inputs or gold files) → input/gold pairs, in a stable order. A named input
 * without a gold file is reported in `missing`; inputs found by walking a folder are skipped
 * silently when they have none. `formats` limits the inputs (e.g. ['txt']).
 */
export async function findGoldPairs(paths: string[], formats?: string[]): Promise<{ pairs: GoldPair[]; missing: string[] }> {
  const pairs: GoldPair[] = [];
  const missing: string[] = [];
  const want = (p: string) => isInput(p) && (!formats || formats.includes(extname(p).slice(1).toLowerCase()));
  for (const p of paths) {
    let st;
    try { st = await stat(p); } catch { missing.push(`${p} (no such file or folder)`); continue; }
    if (st.isDirectory()) {
      for (const f of await walk(p)) {
        if (!want(f)) continue;
        const gold = goldPathFor(f);
        if (gold) pairs.push({ input: f, gold });
      }
    } else if (p.endsWith('gold.json')) {
      const dir = dirname(p);
      const stem = basename(p) === 'gold.json' ? 'report' : basename(p, '.gold.json');
      const inputs = (await readdir(dir)).filter((f) => want(f) && basename(f, extname(f)) === stem).sort();
      if (!inputs.length) missing.push(`${p} (no input beside it)`);
      for (const f of inputs) pairs.push({ input: join(dir, f), gold: p });
    } else {
      const gold = goldPathFor(p);
      if (gold) pairs.push({ input: p, gold });
      else missing.push(`${p} (no gold.json or ${basename(p, extname(p))}.gold.json beside it)`);
    }
  }
  const seen = new Set<string>();
  return { pairs: pairs.filter((x) => (seen.has(x.input) ? false : (seen.add(x.input), true))), missing };
}

export function loadGold(path: string): GoldFileParsed {
  return parseGold(readFileSync(path, 'utf8'), path);
}

/* ---------------------------------------------------------------- thresholds */

const Limit = z.strictObject({ precision: z.number().min(0).max(1).optional(), recall: z.number().min(0).max(1).optional() });
const Limits = z.partialRecord(z.enum(KINDS as [RecordKind, ...RecordKind[]]), Limit);

export const EvalConfigSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Every document, per kind. */
  thresholds: Limits.default({}),
  /** Overrides for documents whose path contains the key ("real/Bokslut_2025.pdf"). */
  documents: z.record(z.string(), Limits).default({}),
  /** The micro-averaged total over all documents, per kind. */
  total: Limits.default({}),
});
export type EvalConfig = z.infer<typeof EvalConfigSchema>;

export function parseConfig(text: string, path: string): EvalConfig {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch (e) { throw new GoldFileError(`${path}: not JSON: ${(e as Error).message}`); }
  const r = EvalConfigSchema.safeParse(raw);
  if (!r.success) throw new GoldFileError(`${path}: ${r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

export interface DocResult {
  /** The input path as given or found (relative to the working folder). */
  name: string;
  gold: string;
  format: string;
  status: 'success' | 'partial' | 'failure';
  error: string | null;
  scores: DocScores;
}

export interface Failure { document: string; kind: RecordKind; measure: 'precision' | 'recall'; score: number; threshold: number }

/** Every score under its threshold. A score that cannot be computed (no gold of that kind) never fails. */
export function checkThresholds(config: EvalConfig, docs: DocResult[], total: DocScores): Failure[] {
  const out: Failure[] = [];
  const check = (document: string, scores: DocScores, limits: z.infer<typeof Limits>) => {
    for (const kind of KINDS) {
      const l = limits[kind];
      if (!l) continue;
      for (const measure of ['precision', 'recall'] as const) {
        const t = l[measure];
        const s = scores[kind][measure];
        if (t != null && s != null && s < t - 1e-9) out.push({ document, kind, measure, score: s, threshold: t });
      }
    }
  };
  for (const d of docs) {
    const limits: z.infer<typeof Limits> = { ...config.thresholds };
    for (const [key, over] of Object.entries(config.documents)) {
      if (!d.name.split('\\').join('/').includes(key)) continue;
      for (const kind of KINDS) if (over[kind]) limits[kind] = { ...limits[kind], ...over[kind] };
    }
    check(d.name, d.scores, limits);
  }
  check('TOTAL', total, config.total);
  return out;
}

/** Scores one document; a failed extraction scores zero recall on every kind with gold. */
export function scoreOrFail(gold: GoldFileParsed, doc: CanonicalDocument | null): DocScores {
  if (doc) return scoreDocument(gold, doc);
  const empty = {
    schemaVersion: 1, source: { path: '', sha256: '0'.repeat(64), format: 'txt', pages: null, ocr: false },
    meta: { municipality: null, municipalityCode: null, organ: null, reportType: null, year: null, periodEnd: null, title: null },
    sections: [], tables: [], activities: [], indicators: [], budget: [], goals: [], warnings: [],
  } as CanonicalDocument;
  return scoreDocument(gold, empty);
}

export const displayName = (p: string, cwd = process.cwd()) => {
  const r = relative(cwd, p);
  return r && !r.startsWith('..') ? r : p;
};

export { totalScores };
