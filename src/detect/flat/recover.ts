/**
 * Column recovery for one flattened table: each row's numeric tail is split into exactly as
 * many cells as the header has columns, choosing among the readings `segment.ts` allows.
 *
 * Checks, in order:
 * 1. what the header says a column holds: a "Not" column holds small note numbers, a "%"
 *    column per cent values (and no other column does, when the table has one);
 * 2. row identities: Avvikelse/Differens = the difference of two other columns (either sign),
 *    Intäkt + Kostnad (+ Kommunbidrag) = Resultat, "Utfall i % av budget" = 100·a/b,
 *    Ingående + Årets = Utgående;
 * 3. column sums: a Summa/Totalt row equals the rows above it (back to the previous sum or
 *    group row, "varav"/"därav" rows left out).
 * A check only removes readings when some reading of the row passes it: printed tables do
 * not always add up, and a check nobody passes says nothing about the split.
 *
 * A cell is certain when every reading left agrees on it. Otherwise the readings are scored
 * on soft evidence (decimals, magnitude and sign against the column's certain cells, fewer
 * empty cells); a clear winner is inferred, anything closer is unresolved.
 */
import { columnRole, type ColumnRole } from './header.js';
import { readings, splitTail, type Mode, type Piece } from './segment.js';

export type Certainty = 'certain' | 'inferred' | 'unresolved';

export interface FlatCell {
  /** Text as printed; '' for an empty or unresolved cell. */
  text: string;
  certainty: Certainty;
}

export interface FlatRow {
  label: string;
  /** One per value column; absent for a group row (a label without values). */
  cells: FlatCell[] | null;
  raw: string;
  /** Worst certainty of the row's cells ('certain' for group rows). */
  certainty: Certainty;
  /** Why the row reads as it does: the checks that decided, or why it could not be decided. */
  evidence: string;
  /** Readings of the tail that fit the columns (0: none, the row is unresolved). */
  readings: number;
}

export interface FlatTable {
  columns: string[];
  mode: Mode;
  rows: FlatRow[];
}

/** Readings per row beyond which the row is left unresolved (a tail of many glued digits). */
const MAX_READINGS = 20000;
/** Score lead the best reading needs over the next to be inferred rather than unresolved. */
const INFER_MARGIN = 1;
/** Each rounded number may be off by half its last printed digit (as in classify/arithmetic). */
const ROUNDING_PER_NUMBER = 0.5;

type Cells = (Piece | null)[];

interface RowState {
  label: string;
  raw: string;
  tail: string | null;
  candidates: Cells[];
  notes: string[];
  capped: boolean;
}

/**
 * Recover the grid of a flattened table: `columns` are the value columns' names (header
 * minus the corner), `lines` the body lines as printed. Works on plain strings, so PDF text
 * without usable x-positions goes through the same code.
 */
export function recoverFlatTable(columns: string[], lines: string[], mode: Mode = guessMode(lines)): FlatTable {
  const roles = columns.map(columnRole);
  const rows: RowState[] = lines.map((raw) => readRow(raw, roles, mode));
  for (const row of rows) applyRowIdentities(row, roles);
  for (let pass = 0; pass < 3; pass++) if (!applySums(rows, roles)) break;
  const profiles = columnProfiles(rows, roles.length);
  return { columns, mode, rows: rows.map((r) => decide(r, roles, columns, profiles)) };
}

/** Glued text shows itself where a label or a value runs straight into a number or sign. */
export function guessMode(lines: string[]): Mode {
  const glued = lines.filter((l) => /\p{L}[-−–+]?\d|\d[-−–+]\d|%\d|\d,\d+[-−–]\d/u.test(l)).length;
  return glued * 2 >= lines.length && glued > 0 ? 'glued' : 'spaced';
}

function readRow(raw: string, roles: ColumnRole[], mode: Mode): RowState {
  const split = splitTail(raw, mode);
  const state: RowState = { label: split?.label ?? clean(raw), raw, tail: split?.tail ?? null, candidates: [], notes: [], capped: false };
  if (!split) return state;
  // A label ending in a number ("Investering 2") is not taken apart: giving the label a
  // leading number whenever the rest fits would turn a wrong column count into a "certain" split.
  const found = place(split.tail, roles, mode);
  state.candidates = found.candidates;
  state.capped = found.capped;
  return state;
}

/** Every reading of the tail laid out over the columns (fewer values: every choice of columns). */
function place(tail: string, roles: ColumnRole[], mode: Mode): { candidates: Cells[]; capped: boolean } {
  const n = roles.length;
  const reads = readings(tail, { mode, maxValues: n, cap: MAX_READINGS });
  const candidates: Cells[] = [];
  for (const pieces of reads) {
    for (const cols of combinations(n, pieces.length)) {
      const cells: Cells = Array(n).fill(null);
      cols.forEach((c, k) => { cells[c] = pieces[k]; });
      if (fitsColumns(cells, roles)) candidates.push(cells);
      if (candidates.length > MAX_READINGS) return { candidates: [], capped: true };
    }
  }
  return { candidates, capped: reads.length >= MAX_READINGS };
}

/** What the header promises about a column's values. */
function fitsColumns(cells: Cells, roles: ColumnRole[]): boolean {
  const hasPercentColumn = roles.includes('percent');
  return cells.every((p, c) => {
    if (p === null || p.value === null) return true;
    if (roles[c] === 'note') return !p.grouped && p.decimals === 0 && p.value >= 1 && p.intDigits <= 3 && !/^[-−–+]/.test(p.text) && !p.percent;
    if (hasPercentColumn) return p.percent === (roles[c] === 'percent');
    return true;
  });
}

function* combinations(n: number, k: number): Generator<number[]> {
  const pick: number[] = [];
  function* go(from: number): Generator<number[]> {
    if (pick.length === k) { yield [...pick]; return; }
    for (let c = from; c <= n - (k - pick.length); c++) {
      pick.push(c);
      yield* go(c + 1);
      pick.pop();
    }
  }
  yield* go(0);
}

// ---------------------------------------------------------------- row identities

type Verdict = 'pass' | 'fail' | 'n/a';

interface Identity {
  name: string;
  test: (cells: Cells) => Verdict;
}

function rowIdentities(roles: ColumnRole[]): Identity[] {
  const idx = (r: ColumnRole) => roles.flatMap((x, c) => (x === r ? [c] : []));
  const money = idx('money');
  const out: Identity[] = [];
  for (const d of idx('deviation')) {
    out.push({
      name: `column ${d + 1} is the difference of two others`,
      test: (cells) => {
        const dv = num(cells[d]);
        const terms = money.filter((c) => num(cells[c]) !== null);
        if (dv === null || terms.length < 2) return 'n/a';
        for (const a of terms) for (const b of terms) {
          if (a !== b && within(dv - (num(cells[a])! - num(cells[b])!), [cells[d]!, cells[a]!, cells[b]!])) return 'pass';
        }
        return 'fail';
      },
    });
  }
  for (const p of idx('percent')) {
    out.push({
      name: `column ${p + 1} is one column as a per cent of another`,
      test: (cells) => {
        const pv = num(cells[p]);
        const terms = money.filter((c) => num(cells[c]) !== null && num(cells[c]) !== 0);
        if (pv === null || terms.length < 2) return 'n/a';
        const tol = 0.5 * 10 ** -cells[p]!.decimals + 0.05;
        for (const a of terms) for (const b of terms) {
          if (a !== b && Math.abs(pv - (100 * num(cells[a])!) / num(cells[b])!) <= tol) return 'pass';
        }
        return 'fail';
      },
    });
  }
  const [rev, cost, grant, res] = [idx('revenue')[0], idx('cost')[0], idx('grant')[0], idx('result')[0]];
  if (rev !== undefined && res !== undefined) {
    out.push({
      name: 'Intäkt + Kostnad (+ Kommunbidrag) = Resultat',
      test: (cells) => {
        const r = num(cells[rev]);
        const R = num(cells[res]);
        if (r === null || R === null) return 'n/a';
        const k = cost === undefined ? 0 : num(cells[cost]) ?? 0;
        const g = grant === undefined ? 0 : num(cells[grant]) ?? 0;
        const used = [rev, res, cost, grant].flatMap((c) => (c !== undefined && cells[c] ? [cells[c]!] : []));
        return within(r + g + k - R, used) || within(r + g - k - R, used) ? 'pass' : 'fail';
      },
    });
  }
  const [open, change, close] = [idx('opening')[0], idx('change')[0], idx('closing')[0]];
  if (open !== undefined && change !== undefined && close !== undefined) {
    out.push({
      name: 'Ingående + Årets = Utgående',
      test: (cells) => {
        const [a, b, c] = [num(cells[open]), num(cells[change]), num(cells[close])];
        if (a === null || b === null || c === null) return 'n/a';
        return within(a + b - c, [cells[open]!, cells[change]!, cells[close]!]) ? 'pass' : 'fail';
      },
    });
  }
  return out;
}

function applyRowIdentities(row: RowState, roles: ColumnRole[]): void {
  if (row.candidates.length < 2) return;
  for (const id of rowIdentities(roles)) {
    const verdicts = row.candidates.map(id.test);
    if (!verdicts.includes('pass') || !verdicts.includes('fail')) continue;
    const before = row.candidates.length;
    row.candidates = row.candidates.filter((_, k) => verdicts[k] !== 'fail');
    row.notes.push(`${id.name}: ${before - row.candidates.length} of ${before} readings fail it`);
  }
}

// ---------------------------------------------------------------- column sums

const SUM_LABEL = /^(?:summa|totalt?|total|s:a)(?!\p{L})/iu;
const PART_LABEL = /^(?:[-–]?\s*(?:varav|därav)(?!\p{L})|[-–]\s*\p{L})/iu;
/** Sets of partial sums larger than this are not followed (the check is then skipped). */
const MAX_SUMS = 4000;

/** Returns true when some row lost readings. */
function applySums(rows: RowState[], roles: ColumnRole[]): boolean {
  let changed = false;
  let parts: RowState[] = [];
  for (const row of rows) {
    if (row.tail === null) { parts = []; continue; }
    if (PART_LABEL.test(row.label)) continue;
    if (!SUM_LABEL.test(row.label)) { parts.push(row); continue; }
    if (parts.length >= 2 && parts.every((p) => p.candidates.length > 0) && row.candidates.length > 0) {
      changed = sumCheck(row, parts, roles) || changed;
    }
    parts = [];
  }
  return changed;
}

/**
 * Column by column, a reading survives when its value can be matched by some choice of
 * readings of the other rows. Checking columns one at a time never removes the true reading;
 * it may keep a few false ones, which later evidence or the score sorts out.
 */
function sumCheck(total: RowState, parts: RowState[], roles: ColumnRole[]): boolean {
  const all = [total, ...parts];
  const columns = roles.map((r, c) => c).filter((c) => roles[c] !== 'note' && roles[c] !== 'percent');
  const keep = all.map((r) => r.candidates.map(() => true));
  let checked = false;
  for (const c of columns) {
    const options = all.map((r) => distinctValues(r.candidates, c));
    const tol = ROUNDING_PER_NUMBER * all.length * 10 ** -Math.max(0, ...all.flatMap((r) => r.candidates.map((x) => x[c]?.decimals ?? 0)));
    for (let i = 0; i < all.length; i++) {
      const others = sumsExcept(options, i);
      if (others === null) continue;
      checked = true;
      all[i].candidates.forEach((cand, k) => {
        const v = num(cand[c]) ?? 0;
        // total = sum(parts): total − others = part i, or others = total for the total row.
        const ok = i === 0
          ? others.some((s) => Math.abs(v - s) <= tol)
          : others.some((s) => Math.abs(s + v) <= tol);
        if (!ok) keep[i][k] = false;
      });
    }
  }
  if (!checked) return false;
  // As with row identities: only believe the sum when the total row can pass it at all.
  if (!keep[0].some(Boolean) || keep.some((k) => !k.some(Boolean))) return false;
  let changed = false;
  all.forEach((r, i) => {
    const before = r.candidates.length;
    r.candidates = r.candidates.filter((_, k) => keep[i][k]);
    if (r.candidates.length < before) {
      changed = true;
      r.notes.push(`column sums against "${total.label}": ${before - r.candidates.length} of ${before} readings fail them`);
    }
  });
  return changed;
}

function distinctValues(cands: Cells[], c: number): number[] {
  return [...new Set(cands.map((x) => num(x[c]) ?? 0))];
}

/** Achievable values of (total − Σ parts) leaving row i out, signs arranged so that 0 means "adds up". */
function sumsExcept(options: number[][], i: number): number[] | null {
  let sums = [0];
  for (let j = 0; j < options.length; j++) {
    if (j === i) continue;
    const sign = j === 0 ? 1 : -1;
    const next = new Set<number>();
    for (const s of sums) for (const v of options[j]) next.add(round(s + sign * v));
    if (next.size > MAX_SUMS) return null;
    sums = [...next];
  }
  return sums;
}

// ---------------------------------------------------------------- soft evidence

interface Profile { decimals: number | null; sign: number | null }

/** What the certain cells of each column look like. */
function columnProfiles(rows: RowState[], n: number): Profile[] {
  const samples: Piece[][] = Array.from({ length: n }, () => []);
  for (const r of rows) {
    if (r.candidates.length === 0) continue;
    for (let c = 0; c < n; c++) {
      const first = r.candidates[0][c];
      if (first && first.value !== null && r.candidates.every((x) => x[c]?.text === first.text)) samples[c].push(first);
    }
  }
  const tableDecimals = mode(samples.flat().map((p) => p.decimals));
  return samples.map((ps) => ({
    decimals: mode(ps.map((p) => p.decimals)) ?? tableDecimals,
    sign: ps.length >= 2 && ps.every((p) => p.value! < 0) ? -1 : ps.length >= 2 && ps.every((p) => p.value! > 0) ? 1 : null,
  }));
}

interface Score { total: number; parts: Record<string, number> }

/** Roles whose values are amounts of the row's own size (not derived, not notes). */
const AMOUNT: ReadonlySet<ColumnRole> = new Set(['money', 'revenue', 'cost', 'grant', 'result', 'opening', 'closing']);
/** Per cent values above this magnitude (log10) are implausible. */
const MAX_PERCENT_MAGNITUDE = 3;

/**
 * Soft evidence, in rough log-odds points: decimals, sign and magnitude against the column's
 * certain cells (or, for magnitude, the row's other amounts), a point for each identity the
 * reading passes (a reading the checks confirm beats one they cannot test), and a cost for
 * each empty cell.
 */
function score(cells: Cells, roles: ColumnRole[], profiles: Profile[], identities: Identity[]): Score {
  const parts: Record<string, number> = { identities: 0, decimals: 0, magnitude: 0, sign: 0, 'empty cells': 0 };
  const amounts = cells.flatMap((p, c) => (AMOUNT.has(roles[c]) && p && p.value !== null && p.value !== 0 ? [mag(p.value)] : []));
  const rowMag = amounts.length >= 2 ? median(amounts) : null;
  for (const id of identities) if (id.test(cells) === 'pass') parts.identities += 1;
  cells.forEach((p, c) => {
    const prof = profiles[c];
    if (p === null) {
      // Computed columns (Avvikelse, Differens, per cent) are printed even when their inputs
      // are blank: spreadsheet templates show "0" there. An empty one is the less likely.
      parts['empty cells'] -= roles[c] === 'deviation' || roles[c] === 'percent' ? 2.5 : 1.5;
      return;
    }
    if (p.value === null) return;
    if (prof.decimals !== null) parts.decimals += p.decimals === prof.decimals ? 0.5 : -1.5;
    if (prof.sign !== null && p.value !== 0 && Math.sign(p.value) !== prof.sign) parts.sign -= 1;
    if (p.value === 0) return;
    const m = mag(p.value);
    if (AMOUNT.has(roles[c])) {
      // The row's own amounts, not the column's: one table holds rows of very different
      // size (Intäkter 182 149 over Investeringar 811), one row's columns rarely do.
      if (rowMag !== null) parts.magnitude -= 0.5 * Math.abs(m - rowMag);
    } else if (roles[c] === 'percent') {
      parts.magnitude -= Math.max(0, m - MAX_PERCENT_MAGNITUDE);
    } else if (roles[c] === 'deviation' && rowMag !== null) {
      parts.magnitude -= 0.5 * Math.max(0, m - rowMag);
    }
  });
  return { total: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}

function decide(row: RowState, roles: ColumnRole[], columns: string[], profiles: Profile[]): FlatRow {
  const n = roles.length;
  const base = { label: row.label, raw: row.raw, readings: row.candidates.length };
  if (row.tail === null) return { ...base, cells: null, certainty: 'certain', evidence: 'a label without values (group row)' };
  if (row.candidates.length === 0) {
    const why = row.capped ? `more than ${MAX_READINGS} readings` : `no reading of "${row.tail}" fits ${n} columns`;
    return { ...base, cells: Array.from({ length: n }, () => ({ text: '', certainty: 'unresolved' as const })), certainty: 'unresolved', evidence: why };
  }
  const agreed = Array.from({ length: n }, (_, c) => {
    const t = row.candidates[0][c]?.text ?? '';
    return row.candidates.every((x) => (x[c]?.text ?? '') === t);
  });
  const checks = row.notes.length > 0 ? `; ${row.notes.join('; ')}` : '';
  if (row.candidates.length === 1 || agreed.every(Boolean)) {
    const cells = row.candidates[0].map((p) => ({ text: p?.text ?? '', certainty: 'certain' as const }));
    return { ...base, cells, certainty: 'certain', evidence: `the only reading that fits ${n} columns${checks}` };
  }
  const identities = rowIdentities(roles);
  const scored = row.candidates.map((cells) => ({ cells, s: score(cells, roles, profiles, identities) })).sort((a, b) => b.s.total - a.s.total);
  const best = scored[0];
  const second = scored.find((x) => x.cells.some((p, c) => (p?.text ?? '') !== (best.cells[c]?.text ?? '')))!;
  const lead = best.s.total - second.s.total;
  const show = (cells: Cells) => cells.map((p) => p?.text ?? '∅').join(' | ');
  const why = Object.keys(best.s.parts)
    .filter((k) => best.s.parts[k] > second.s.parts[k] + 1e-9)
    .map((k) => `${k} ${fmt(best.s.parts[k] - second.s.parts[k])}`);
  const resolved = lead >= INFER_MARGIN;
  const cells: FlatCell[] = best.cells.map((p, c) => (agreed[c]
    ? { text: p?.text ?? '', certainty: 'certain' }
    : resolved ? { text: p?.text ?? '', certainty: 'inferred' } : { text: '', certainty: 'unresolved' }));
  const evidence = resolved
    ? `${row.candidates.length} readings fit; chose "${show(best.cells)}" over "${show(second.cells)}" by ${why.join(', ') || 'score'} (lead ${fmt(lead)})${checks}`
    : `${row.candidates.length} readings fit and none stands out: "${show(best.cells)}" or "${show(second.cells)}" (lead ${fmt(lead)}); columns ${columns.filter((_, c) => !agreed[c]).map((x) => `"${x}"`).join(', ')} left empty${checks}`;
  return { ...base, cells, certainty: resolved ? 'inferred' : 'unresolved', evidence };
}

// ---------------------------------------------------------------- helpers

function num(p: Piece | null | undefined): number | null {
  return p ? p.value : null;
}

function within(difference: number, pieces: Piece[]): boolean {
  const digit = Math.max(...pieces.map((p) => 10 ** -p.decimals));
  return Math.abs(difference) <= ROUNDING_PER_NUMBER * pieces.length * digit + 1e-9;
}

function mag(v: number): number {
  return Math.log10(Math.abs(v) + 1);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function mode(xs: number[]): number | null {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: number | null = null;
  for (const [x, k] of counts) if (best === null || k > counts.get(best)!) best = x;
  return best;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const fmt = (x: number) => (Math.round(x * 10) / 10).toString().replace('.', ',');
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
