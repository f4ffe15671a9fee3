/**
 * The taxonomy of verksamhetsområden (areas) and budget lines, kept as data in
 * data/taxonomy.json so a new variant is a one-line data change. Loaded once and checked.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { normalise, type LabelText } from './text.js';

const Area = z.strictObject({
  key: z.string().regex(/^[a-z_]+$/),
  parent: z.string().optional(),
  name: z.string(),
  variants: z.array(z.string()).min(1),
  indicatorTerms: z.array(z.string()),
});

export const LineKind = z.enum(['revenue', 'cost', 'net', 'grant', 'result', 'deviation', 'investment', 'equity']);
export type LineKind = z.infer<typeof LineKind>;

const Line = z.strictObject({
  key: z.string().regex(/^[a-z_]+$/),
  kind: LineKind,
  parent: z.string().optional(),
  name: z.string(),
  variants: z.array(z.string()).min(1),
});

const TaxonomyFile = z.strictObject({
  version: z.number().int(),
  about: z.string(),
  totals: z.array(z.string()),
  areas: z.array(Area),
  lines: z.array(Line),
});

export type TermKind = 'area' | 'line';

export interface Term {
  kind: TermKind;
  key: string;
  name: string;
  parent: string | null;
  /** Lines only. */
  lineKind: LineKind | null;
  variants: LabelText[];
  indicatorTerms: LabelText[];
}

export interface Taxonomy {
  version: number;
  /** Short hash of the file: stored with every mapping, so stale mappings can be found. */
  hash: string;
  totals: string[];
  terms: Term[];
  byKey: Map<string, Term>;
}

/** dist/src/compare/ in the build, src/compare/ under vitest: data/ is two or three levels up. */
function taxonomyPath(): string {
  for (const rel of ['../../data/taxonomy.json', '../../../data/taxonomy.json']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  throw new Error('data/taxonomy.json not found beside the package');
}

export function parseTaxonomy(text: string): Taxonomy {
  const file = TaxonomyFile.parse(JSON.parse(text));
  const totals = file.totals.map((t) => normalise(t).norm);
  const terms: Term[] = [
    ...file.areas.map((a): Term => ({
      kind: 'area', key: a.key, name: a.name, parent: a.parent ?? null, lineKind: null,
      variants: a.variants.map((v) => normalise(v, totals)),
      indicatorTerms: a.indicatorTerms.map((v) => normalise(v)),
    })),
    ...file.lines.map((l): Term => ({
      kind: 'line', key: l.key, name: l.name, parent: l.parent ?? null, lineKind: l.kind,
      variants: l.variants.map((v) => normalise(v, totals)),
      indicatorTerms: [],
    })),
  ];
  const byKey = new Map<string, Term>();
  for (const t of terms) {
    if (byKey.has(t.key)) throw new Error(`taxonomy: duplicate key "${t.key}"`);
    byKey.set(t.key, t);
  }
  for (const t of terms) {
    if (t.parent !== null && byKey.get(t.parent)?.kind !== t.kind) {
      throw new Error(`taxonomy: "${t.key}" names parent "${t.parent}", which is not a ${t.kind}`);
    }
  }
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  return { version: file.version, hash, totals, terms, byKey };
}

let cached: Taxonomy | undefined;

export function loadTaxonomy(): Taxonomy {
  cached ??= parseTaxonomy(readFileSync(taxonomyPath(), 'utf8'));
  return cached;
}
