/**
 * Records compared across formats by content, not position: the same report read from text,
 * PDF or DOCX should give the same budget values, indicator values, activities and goals.
 */
import type { CanonicalDocument } from '../../src/model/document.js';

const n = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/[\s\u00ad]+/g, ' ').trim().toLocaleLowerCase('sv');

export function recordKeys(doc: CanonicalDocument): Record<string, string[]> {
  return {
    budget: doc.budget.map((b) => [n(b.label), n(b.column), b.measure, b.value].join(' | ')),
    indicators: doc.indicators.flatMap((i) => i.values.map((v) => [n(i.name), v.period, v.kind, v.value ?? n(v.text)].join(' | '))),
    activities: doc.activities.map((a) => [n(a.activity), a.status, a.due.join(',')].join(' | ')),
    goals: doc.goals.map((g) => [n(g.text), g.assessment].join(' | ')),
  };
}

export interface KindAgreement { kind: string; reference: number; other: number; matched: number; missing: string[]; extra: string[] }

/** Multiset match of `other` against `reference`, per record kind. */
export function compareRecords(reference: CanonicalDocument, other: CanonicalDocument): KindAgreement[] {
  const a = recordKeys(reference);
  const b = recordKeys(other);
  return Object.keys(a).map((kind) => {
    const pool = new Map<string, number>();
    for (const k of b[kind]) pool.set(k, (pool.get(k) ?? 0) + 1);
    const missing: string[] = [];
    let matched = 0;
    for (const k of a[kind]) {
      const c = pool.get(k) ?? 0;
      if (c > 0) { pool.set(k, c - 1); matched++; } else missing.push(k);
    }
    const extra = [...pool.entries()].flatMap(([k, c]) => Array(c).fill(k));
    return { kind, reference: a[kind].length, other: b[kind].length, matched, missing, extra };
  });
}
