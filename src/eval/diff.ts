/**
 * Record-level diff of two canonical documents: per record kind, which records were added,
 * lost or altered. Records pair up by a key that names the fact, not its position (budget:
 * row path + column + period; indicator values: indicator + gender + column + period;
 * activities and goals: their text; sections: number + title; tables: id), so a parser change
 * that shifts rows reads as "value X altered", not as a wall of moved JSON. Repeated keys pair
 * in document order (#2, #3 …). Used by `kommunrapport diff-runs` and the golden tests.
 * Pure functions.
 */
import type { CanonicalDocument } from '../model/document.js';

export interface FieldChange { field: string; old: unknown; new: unknown }
export interface Altered { key: string; label: string; changes: FieldChange[] }
export interface KindDiff {
  kind: string;
  old: number;
  new: number;
  added: string[];
  lost: string[];
  altered: Altered[];
  /** Same records, other order (only reported when nothing else differs). */
  reordered: boolean;
}
export interface DocDiff { meta: FieldChange[]; kinds: KindDiff[] }

/** Provenance fields: where a record stands, not what it says. diff-runs ignores them by default. */
export const PROVENANCE_FIELDS = ['tableId', 'row', 'page', 'line', 'sectionId', 'parentId', 'rowLines', 'pageEnd'] as const;

type Rec = Record<string, unknown>;

interface KindSpec {
  kind: string;
  records: (d: CanonicalDocument) => Rec[];
  key: (r: Rec) => string;
  label: (r: Rec) => string;
}

const s = (v: unknown) => (v == null ? '' : String(v));
const j = (v: unknown) => JSON.stringify(v);
const clip = (t: string, n = 90) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);
const pathOf = (r: Rec, name: string) => {
  const p = Array.isArray(r.path) && r.path.length ? (r.path as string[]) : [s(r[name])];
  return p.join(' > ');
};

/** Indicator values flattened to one record each, carrying their indicator's fields. */
function indicatorValues(d: CanonicalDocument): Rec[] {
  return d.indicators.flatMap((i) => {
    const { values, ...ind } = i;
    if (!values.length) return [{ ...ind, column: null, period: null, kind: null, text: null, value: null, unit: null, note: null } as Rec];
    return values.map((v) => ({ ...ind, ...v }) as Rec);
  });
}

export const KIND_SPECS: KindSpec[] = [
  {
    kind: 'sections', records: (d) => d.sections as unknown as Rec[],
    key: (r) => `${s(r.number)} ${s(r.title)}`.trim(), label: (r) => `L${s(r.level)} ${j(`${r.number ? `${r.number} ` : ''}${s(r.title)}`)}`,
  },
  {
    kind: 'tables', records: (d) => d.tables as unknown as Rec[],
    key: (r) => s(r.id), label: (r) => `${s(r.id)} ${s(r.kind)} ${j(clip(s(r.caption ?? (r.rows as string[][])[0]?.join(' | ')), 60))}`,
  },
  {
    kind: 'budget', records: (d) => d.budget as unknown as Rec[],
    key: (r) => `${pathOf(r, 'label')} | ${s(r.column)} | ${s(r.period)}`,
    label: (r) => `${pathOf(r, 'label')} [${s(r.column)}] = ${j(r.text)}`,
  },
  {
    kind: 'indicators', records: indicatorValues,
    key: (r) => `${pathOf(r, 'name')} | ${s(r.gender)} | ${s(r.column)} | ${s(r.period)}`,
    label: (r) => `${pathOf(r, 'name')}${r.gender && r.gender !== 'all' ? ` (${s(r.gender)})` : ''} [${s(r.column)}] ${s(r.kind)} = ${j(r.text)}`,
  },
  {
    kind: 'activities', records: (d) => d.activities as unknown as Rec[],
    key: (r) => s(r.activity), label: (r) => `${j(clip(s(r.activity), 70))} status ${s(r.status)}`,
  },
  {
    kind: 'goals', records: (d) => d.goals as unknown as Rec[],
    key: (r) => `${s(r.level)} | ${s(r.text)}`, label: (r) => `${r.level ? `${s(r.level)}: ` : ''}${j(clip(s(r.text), 70))} => ${s(r.assessment)}`,
  },
  {
    kind: 'warnings', records: (d) => d.warnings as unknown as Rec[],
    key: (r) => `${s(r.code)} | ${s(r.message)}`, label: (r) => `${s(r.code)}: ${clip(s(r.message), 90)}`,
  },
];

/** Field-level differences of two records (nested values compared as JSON; table rows cell by cell). */
export function fieldChanges(a: Rec, b: Rec, ignore: ReadonlySet<string> = new Set()): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (ignore.has(f)) continue;
    if (j(a[f]) === j(b[f])) continue;
    if (f === 'rows' && Array.isArray(a[f]) && Array.isArray(b[f])) {
      out.push(...cellChanges(a[f] as string[][], b[f] as string[][]));
      continue;
    }
    out.push({ field: f, old: a[f], new: b[f] });
  }
  return out;
}

function cellChanges(a: string[][], b: string[][]): FieldChange[] {
  const out: FieldChange[] = [];
  const wa = Math.max(0, ...a.map((r) => r.length));
  const wb = Math.max(0, ...b.map((r) => r.length));
  if (a.length !== b.length || wa !== wb) out.push({ field: 'size', old: `${a.length}x${wa}`, new: `${b.length}x${wb}` });
  for (let r = 0; r < Math.max(a.length, b.length); r++) {
    for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++) {
      if ((a[r]?.[c] ?? null) !== (b[r]?.[c] ?? null)) out.push({ field: `rows[${r}][${c}]`, old: a[r]?.[c] ?? null, new: b[r]?.[c] ?? null });
    }
  }
  return out;
}

function keyed(recs: Rec[], key: (r: Rec) => string): Array<[string, Rec]> {
  const seen = new Map<string, number>();
  return recs.map((r) => {
    const k = key(r);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return [n > 1 ? `${k} #${n}` : k, r];
  });
}

export function diffKind(spec: KindSpec, oldRecs: Rec[], newRecs: Rec[], ignore: ReadonlySet<string>): KindDiff {
  const a = keyed(oldRecs, spec.key);
  const b = keyed(newRecs, spec.key);
  const bMap = new Map(b);
  const aMap = new Map(a);
  const lost = a.filter(([k]) => !bMap.has(k)).map(([, r]) => spec.label(r));
  const added = b.filter(([k]) => !aMap.has(k)).map(([, r]) => spec.label(r));
  const altered: Altered[] = [];
  for (const [k, r] of a) {
    const n = bMap.get(k);
    if (!n) continue;
    const changes = fieldChanges(r, n, ignore);
    if (changes.length) altered.push({ key: k, label: spec.label(r), changes });
  }
  const strip = (r: Rec) => j(Object.fromEntries(Object.entries(r).filter(([f]) => !ignore.has(f))));
  const reordered = !lost.length && !added.length && !altered.length && j(oldRecs.map(strip)) !== j(newRecs.map(strip));
  return { kind: spec.kind, old: oldRecs.length, new: newRecs.length, added, lost, altered, reordered };
}

export interface DiffOptions {
  /** Compare provenance (tableId, row, page, line …) too; golden tests do, diff-runs does not by default. */
  provenance?: boolean;
}

export function diffDocuments(oldDoc: CanonicalDocument, newDoc: CanonicalDocument, opts: DiffOptions = {}): DocDiff {
  const ignore = new Set<string>(opts.provenance ? [] : PROVENANCE_FIELDS);
  const meta = [
    ...fieldChanges(oldDoc.meta as Rec, newDoc.meta as Rec).map((c) => ({ ...c, field: `meta.${c.field}` })),
    ...(oldDoc.schemaVersion !== newDoc.schemaVersion ? [{ field: 'schemaVersion', old: oldDoc.schemaVersion, new: newDoc.schemaVersion }] : []),
    ...(opts.provenance ? fieldChanges(oldDoc.source as Rec, newDoc.source as Rec).map((c) => ({ ...c, field: `source.${c.field}` })) : []),
  ];
  const kinds = KIND_SPECS.map((spec) => diffKind(spec, spec.records(oldDoc), spec.records(newDoc), ignore))
    .filter((k) => k.added.length || k.lost.length || k.altered.length || k.reordered);
  return { meta, kinds };
}

export const isEmptyDiff = (d: DocDiff) => d.meta.length === 0 && d.kinds.length === 0;

const show = (v: unknown) => clip(typeof v === 'string' ? j(v) : j(v) ?? 'undefined', 120);

/** Readable lines: one summary per kind, then - lost, + added, ~ altered with field changes. */
export function renderDocDiff(d: DocDiff, limit = 20, indent = '  '): string[] {
  const out: string[] = [];
  for (const c of d.meta) out.push(`${indent}${c.field}: ${show(c.old)} -> ${show(c.new)}`);
  for (const k of d.kinds) {
    const parts = [`${k.lost.length} lost`, `${k.added.length} added`, `${k.altered.length} altered`];
    out.push(`${indent}${k.kind}: ${k.old} -> ${k.new} records; ${parts.join(', ')}${k.reordered ? '; same records in another order' : ''}`);
    const more = (n: number) => (n > limit ? [`${indent}    … ${n - limit} more`] : []);
    out.push(...k.lost.slice(0, limit).map((x) => `${indent}  - ${x}`), ...more(k.lost.length));
    out.push(...k.added.slice(0, limit).map((x) => `${indent}  + ${x}`), ...more(k.added.length));
    for (const a of k.altered.slice(0, limit)) {
      out.push(`${indent}  ~ ${a.label}`);
      for (const c of a.changes.slice(0, 8)) out.push(`${indent}      ${c.field}: ${show(c.old)} -> ${show(c.new)}`);
      if (a.changes.length > 8) out.push(`${indent}      … ${a.changes.length - 8} more fields`);
    }
    out.push(...more(k.altered.length));
  }
  return out;
}

/* ---------------------------------------------------------------- runs: sets of documents */

export interface RunDoc { /** Where it came from: a path in the database, or the JSON file. */ origin: string; doc: CanonicalDocument }

export interface RunPairDiff {
  /** The document's source path (new run's, when both exist). */
  path: string;
  oldSha256: string | null;
  newSha256: string | null;
  status: 'changed' | 'unchanged' | 'only-old' | 'only-new';
  /** The input bytes differ (paired by path, not by sha256). */
  inputChanged: boolean;
  diff: DocDiff | null;
}

export interface RunDiff { documents: RunPairDiff[]; changed: number; unchanged: number; onlyOld: number; onlyNew: number }

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/**
 * Pairs the documents of two runs: same input bytes (sha256) first, then the same source
 * path, then the same file name (two folders of JSON outputs), and diffs each pair.
 */
export function diffRuns(oldRun: RunDoc[], newRun: RunDoc[], opts: DiffOptions = {}): RunDiff {
  const usedNew = new Set<number>();
  const pairs: Array<[RunDoc | null, RunDoc | null]> = [];
  const rest: RunDoc[] = [];
  const tryPair = (o: RunDoc, same: (n: RunDoc) => boolean) => {
    const k = newRun.findIndex((n, i) => !usedNew.has(i) && same(n));
    if (k < 0) return false;
    usedNew.add(k);
    pairs.push([o, newRun[k]]);
    return true;
  };
  for (const o of oldRun) if (!tryPair(o, (n) => n.doc.source.sha256 === o.doc.source.sha256)) rest.push(o);
  const rest2: RunDoc[] = [];
  for (const o of rest) if (!tryPair(o, (n) => n.doc.source.path === o.doc.source.path)) rest2.push(o);
  for (const o of rest2) if (!tryPair(o, (n) => baseName(n.origin) === baseName(o.origin))) pairs.push([o, null]);
  newRun.forEach((n, i) => { if (!usedNew.has(i)) pairs.push([null, n]); });

  const documents = pairs.map(([o, n]): RunPairDiff => {
    const path = (n ?? o)!.doc.source.path || (n ?? o)!.origin;
    if (!o || !n) {
      return { path, oldSha256: o?.doc.source.sha256 ?? null, newSha256: n?.doc.source.sha256 ?? null, status: o ? 'only-old' : 'only-new', inputChanged: false, diff: null };
    }
    const diff = diffDocuments(o.doc, n.doc, opts);
    const inputChanged = o.doc.source.sha256 !== n.doc.source.sha256;
    return {
      path, oldSha256: o.doc.source.sha256, newSha256: n.doc.source.sha256,
      status: isEmptyDiff(diff) && !inputChanged ? 'unchanged' : 'changed', inputChanged, diff,
    };
  });
  documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    documents,
    changed: documents.filter((d) => d.status === 'changed').length,
    unchanged: documents.filter((d) => d.status === 'unchanged').length,
    onlyOld: documents.filter((d) => d.status === 'only-old').length,
    onlyNew: documents.filter((d) => d.status === 'only-new').length,
  };
}

export function renderRunDiff(r: RunDiff, limit = 20): string {
  const out = [`${r.changed} changed, ${r.unchanged} unchanged, ${r.onlyOld} only in OLD, ${r.onlyNew} only in NEW`];
  for (const d of r.documents) {
    if (d.status === 'unchanged') continue;
    const sha = (x: string | null) => (x ? x.slice(0, 12) : '-');
    if (d.status === 'only-old') { out.push('', `## ${d.path} (sha256 ${sha(d.oldSha256)}): only in OLD`); continue; }
    if (d.status === 'only-new') { out.push('', `## ${d.path} (sha256 ${sha(d.newSha256)}): only in NEW`); continue; }
    out.push('', `## ${d.path} (sha256 ${d.inputChanged ? `${sha(d.oldSha256)} -> ${sha(d.newSha256)}, input changed` : sha(d.newSha256)})`);
    out.push(...renderDocDiff(d.diff!, limit));
  }
  return `${out.join('\n')}\n`;
}
