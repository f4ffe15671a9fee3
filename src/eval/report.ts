/**
 * Rendering of the eval results: one plain-text table for all three parts, then the miss list
 * of the real PDFs and the failures. Pure functions (strings out).
 */
import type { KindScore } from './gold.js';
import type { FixtureRow, PeerPairRow, RealRow } from './run.js';
import type { SuiteSummary } from './peer.js';

export const COLUMNS = [
  'set', 'item', 'status', 'sec', 'headP', 'headR', 'cells', 'budget', 'indic', 'activ', 'goals', 'assess',
  'tables', 'contF1', 'adjF1', 'numR',
] as const;
export type Column = (typeof COLUMNS)[number];
export type Row = Partial<Record<Column, string>>;

export const pct = (x: number | null | undefined) => (x == null ? '-' : `${(100 * x).toFixed(1)}%`);
export const frac = (n: number, d: number) => (d ? `${n}/${d} ${pct(n / d)}` : '-');
const kind = (k: KindScore) => frac(k.recalled, k.total);
const secs = (ms: number) => (ms / 1000).toFixed(1);

export function fixtureRows(rows: FixtureRow[]): Row[] {
  return rows.map((r) => ({
    set: 'fixture', item: `${r.fixture}/${r.format}`, status: r.status, sec: secs(r.ms),
    headP: r.headings ? `${r.headings.matched}/${r.headings.found} ${pct(r.headings.found ? r.headings.precision : null)}` : '-',
    headR: r.headings ? frac(r.headings.matched, r.headings.truth) : '-',
    cells: r.tables ? frac(r.tables.agreeing, r.tables.cells) : '-',
    tables: r.tables ? `${r.tables.matched}/${r.tables.truth}` : '-',
  }));
}

export function realRows(rows: RealRow[]): Row[] {
  return rows.map((r) => {
    const s = r.score;
    return {
      set: 'real', item: r.name, status: r.status, sec: secs(r.ms),
      headP: s ? `${s.headings.recalled}/${s.headings.found} ${pct(s.headings.precision)}` : '-',
      headR: s ? kind(s.headings) : '-',
      budget: s ? kind(s.budget) : '-',
      indic: s ? kind(s.indicators) : '-',
      activ: s ? kind(s.activities) : '-',
      goals: s ? kind(s.goals) : '-',
      assess: s ? kind(s.assessments) : '-',
    };
  });
}

export function peerRows(suites: SuiteSummary[], pairs: PeerPairRow[]): Row[] {
  return suites.map((s) => {
    const ps = s.suite === 'ALL' ? pairs : pairs.filter((p) => p.suite === s.suite);
    const ms = ps.reduce((n, p) => n + p.ms, 0);
    return {
      set: 'peer', item: `${s.suite} (${s.pairs} pdfs)`, status: s.failed ? `${s.failed} FAILED` : 'ok', sec: secs(ms),
      cells: s.tables ? pct(s.cellAgreement) : s.partial ? `partial ${pct(s.partialScore)}` : '-',
      tables: `${s.found}/${s.tables}${s.partial ? ` +${s.partial}p ${pct(s.partialScore)}` : ''}`,
      contF1: s.tables ? pct(s.contentF1) : '-',
      adjF1: s.tables ? pct(s.adjacencyF1) : '-',
      numR: s.tables ? pct(s.numericRecall) : '-',
    };
  });
}

export function renderTable(rows: Row[], columns: readonly Column[] = COLUMNS): string {
  const used = columns.filter((c) => c === 'set' || c === 'item' || rows.some((r) => r[c] && r[c] !== '-'));
  const cell = (r: Row, c: Column) => r[c] ?? '-';
  const width = used.map((c) => Math.max(c.length, ...rows.map((r) => cell(r, c).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(width[i])).join(' | ').trimEnd();
  const out = [line([...used]), width.map((w) => '-'.repeat(w)).join('-+-')];
  let prevSet: string | undefined;
  for (const r of rows) {
    if (prevSet !== undefined && r.set !== prevSet) out.push(width.map((w) => '-'.repeat(w)).join('-+-'));
    prevSet = r.set;
    out.push(line(used.map((c) => cell(r, c))));
  }
  return out.join('\n');
}

export function renderMisses(rows: RealRow[]): string {
  const out: string[] = [];
  for (const r of rows) {
    if (!r.score) { out.push(`## ${r.name}: extraction FAILED: ${r.error}`); continue; }
    const s = r.score;
    const kinds: KindScore[] = [s.budget, s.indicators, s.headings, s.activities, s.goals, s.assessments];
    const n = kinds.reduce((a, k) => a + k.misses.length, 0);
    out.push(`## ${r.name}: ${n} misses`);
    for (const k of kinds) {
      if (!k.misses.length) continue;
      out.push(`### ${k.kind}: ${k.misses.length} of ${k.total} missed`);
      let group: string | null = null;
      for (const m of k.misses) {
        if (m.group && m.group !== group) {
          const n = k.misses.filter((x) => x.group === m.group).length;
          out.push(`  [${m.group}] (${n} missed)`);
        }
        group = m.group;
        const ind = m.group ? '    ' : '  ';
        out.push(`${ind}- p${m.page ?? '?'} ${m.gold}${m.hint ? `\n${ind}    -> ${m.hint}` : ''}`);
      }
    }
  }
  return out.join('\n');
}

export function renderFailures(fixtures: FixtureRow[], real: RealRow[], pairs: PeerPairRow[]): string {
  const f = [
    ...fixtures.filter((r) => r.status === 'failure').map((r) => `  - fixture ${r.fixture}/${r.format}: ${r.error}`),
    ...real.filter((r) => r.status === 'failure').map((r) => `  - real ${r.name}: ${r.error}`),
    ...pairs.filter((r) => r.status === 'failure').map((r) => `  - peer ${r.suite}/${r.name}: ${r.error}`),
  ];
  return f.length ? `## extraction failures (${f.length})\n${f.join('\n')}` : '';
}

export function renderPeerDetail(pairs: PeerPairRow[]): string {
  const out = ['## peer tables (per expected table)'];
  const f = (x: number | null) => (x == null ? '  -  ' : x.toFixed(3));
  for (const p of pairs) {
    for (const s of p.scores) {
      const nums = s.kind === 'full' || s.kind === 'area'
        ? `content=${f(s.contentF1)} adj=${f(s.adjacencyF1)} num=${f(s.numericRecall)} cells=${f(s.cellAgreement)}`
        : `${s.kind}=${f(s.score)}`;
      out.push(`  ${p.suite}/${p.name} t${s.table} p${s.page ?? '*'} ${s.kind}: ${nums}  ${s.detail}`);
    }
  }
  return out.join('\n');
}

export const LEGEND = [
  'Legend: headP = matched/extracted sections; headR = matched/gold headings; cells = table-cell agreement',
  '(fixtures: positional vs truth.json via matchTables; peers: row-aligned, column shift <= 3, whitespace-free casefolded);',
  'budget/indic/activ/goals = gold recall (value + label + column, page +-1); assess = goal found and assessment agrees',
  '(only gold items with assessment_norm); peers: tables = expected tables sharing >= 1 cell with an extracted table on',
  'the page, +Np = pdfplumber partial/count checks; contF1/adjF1/numR = score_tables.py content F1, ICDAR adjacency F1,',
  'numeric recall (macro means). tabula area-limited expectations (area_tlbr) score recall only (our tables are whole-page).',
].join('\n');
