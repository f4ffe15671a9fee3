/**
 * Text rendering of `kommunrapport eval`: one table per document, then the total, then the
 * threshold failures. Pure (strings out).
 */
import type { DocResult, Failure } from './evaluate.js';
import { KINDS, type DocScores } from './score-doc.js';

const pct = (x: number | null) => (x == null ? '-' : `${(100 * x).toFixed(1)}%`);

export function renderScores(scores: DocScores): string {
  const head = ['kind', 'gold', 'found', 'extracted', 'correct', 'precision', 'recall', 'F1'];
  const rows = KINDS.filter((k) => scores[k].gold > 0 || scores[k].extracted > 0).map((k) => {
    const s = scores[k];
    return [k, String(s.gold), String(s.recalled), String(s.extracted), String(s.correct), pct(s.precision), pct(s.recall), pct(s.f1)];
  });
  if (!rows.length) return '  (no gold items)';
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ')}`.trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

export function renderMissList(d: DocResult, limit: number): string {
  const out: string[] = [];
  for (const k of KINDS) {
    const s = d.scores[k];
    if (s.misses.length) {
      out.push(`  missed ${k} (${s.misses.length}):`);
      for (const m of s.misses.slice(0, limit)) {
        const at = m.line != null ? `l${m.line}` : m.page != null ? `p${m.page}` : '';
        out.push(`    - ${at ? `${at} ` : ''}${m.group ? `[${m.group}] ` : ''}${m.gold}${m.hint ? `\n        -> ${m.hint}` : ''}`);
      }
      if (s.misses.length > limit) out.push(`    … ${s.misses.length - limit} more`);
    }
    if (s.extras.length) {
      out.push(`  extracted ${k} not in gold (${s.extras.length}):`);
      for (const x of s.extras.slice(0, limit)) out.push(`    + ${x}`);
      if (s.extras.length > limit) out.push(`    … ${s.extras.length - limit} more`);
    }
  }
  return out.join('\n');
}

export function renderEval(docs: DocResult[], total: DocScores, failures: Failure[], opts: { misses: number } = { misses: 0 }): string {
  const out: string[] = [];
  for (const d of docs) {
    out.push(`${d.name}  (gold: ${d.gold}${d.status !== 'success' ? `; extraction ${d.status}${d.error ? `: ${d.error}` : ''}` : ''})`);
    out.push(renderScores(d.scores));
    if (opts.misses > 0) {
      const m = renderMissList(d, opts.misses);
      if (m) out.push(m);
    }
    out.push('');
  }
  out.push(`TOTAL (${docs.length} document${docs.length === 1 ? '' : 's'}; counts summed)`);
  out.push(renderScores(total));
  out.push('');
  const nMiss = docs.reduce((n, d) => n + KINDS.reduce((a, k) => a + d.scores[k].misses.length + d.scores[k].extras.length, 0), 0);
  if (opts.misses === 0 && nMiss > 0) out.push(`${nMiss} misses and extras; --misses N lists up to N per kind and document.`);
  out.push('found = gold items recalled; extracted = records in the gold\'s scope; correct = those matching gold (fixtures/README.md).');
  if (failures.length) {
    out.push('');
    out.push(`Below threshold (${failures.length}):`);
    for (const f of failures) out.push(`  ${f.document}: ${f.kind} ${f.measure} ${pct(f.score)} < ${pct(f.threshold)}`);
  }
  return `${out.join('\n')}\n`;
}
