/**
 * Soft evidence for choosing among readings that every check lets through: decimals and sign
 * against the column's settled cells, magnitude against the row's other amounts, the
 * identities a reading passes, and a cost for each empty cell.
 */
import type { ColumnRole } from './header.js';
import type { Identity } from './identities.js';
import type { Piece } from './segment.js';
import type { Cells, RowState } from './cells.js';

export interface Profile { decimals: number | null; sign: number | null }

/** What the settled cells of each column look like. */
export function columnProfiles(rows: RowState[], n: number): Profile[] {
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

export interface Score { total: number; parts: Record<string, number> }

/** Roles whose values are amounts of the row's own size (not derived, not notes). */
const AMOUNT: ReadonlySet<ColumnRole> = new Set(['money', 'revenue', 'cost', 'grant', 'result', 'opening', 'closing', 'count']);
/** Per cent values above this magnitude (log10) are implausible. */
const MAX_PERCENT_MAGNITUDE = 3;

/**
 * Soft evidence, in rough log-odds points: decimals, sign and magnitude against the column's
 * settled cells (or, for magnitude, the row's other amounts), a point for each identity the
 * reading passes (a reading the checks confirm beats one they cannot test), and a cost for
 * each empty cell.
 */
export function score(cells: Cells, roles: ColumnRole[], profiles: Profile[], identities: Identity[]): Score {
  const parts: Record<string, number> = { identities: 0, decimals: 0, magnitude: 0, sign: 0, 'empty cells': 0 };
  const sizes = rowSizes(cells, roles);
  for (const id of identities) if (id.test(cells) === 'pass') parts.identities += 1;
  cells.forEach((p, c) => {
    if (p === null) {
      // Computed columns (Avvikelse, Differens, per cent) are printed even when their inputs
      // are blank: spreadsheet templates show "0" there. An empty one is the less likely.
      parts['empty cells'] -= roles[c] === 'deviation' || roles[c] === 'percent' ? 2.5 : 1.5;
      return;
    }
    if (p.value === null) return;
    const prof = profiles[c];
    if (prof.decimals !== null) parts.decimals += p.decimals === prof.decimals ? 0.5 : -1.5;
    if (prof.sign !== null && p.value !== 0 && Math.sign(p.value) !== prof.sign) parts.sign -= 1;
    if (p.value !== 0) parts.magnitude -= magnitudeCost(mag(p.value), roles[c], sizes);
  });
  return { total: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}

interface RowSizes { amount: number | null; count: number | null; largest: number | null }

/**
 * The row's own sizes (log10): the median of its amounts, of its counts ("Antal" columns are
 * of their own size), and its largest amount.
 */
function rowSizes(cells: Cells, roles: ColumnRole[]): RowSizes {
  const mags = (count: boolean) => cells.flatMap((p, c) => (AMOUNT.has(roles[c]) && (roles[c] === 'count') === count
    && p && p.value !== null && p.value !== 0 ? [mag(p.value)] : []));
  const amounts = mags(false);
  const counts = mags(true);
  return {
    amount: amounts.length >= 2 ? median(amounts) : null,
    count: counts.length >= 2 ? median(counts) : null,
    largest: amounts.length > 0 ? Math.max(...amounts) : null,
  };
}

/** log10 2: a difference of two amounts is at most twice the larger. */
const LOG_TWO = Math.log10(2);

function magnitudeCost(m: number, role: ColumnRole, sizes: RowSizes): number {
  if (AMOUNT.has(role)) {
    // The row's own amounts, not the column's: one table holds rows of very different
    // size (Intäkter 182 149 over Investeringar 811), one row's columns rarely do.
    const own = role === 'count' ? sizes.count : sizes.amount;
    return own === null ? 0 : 0.5 * Math.abs(m - own);
  }
  if (role === 'percent') return Math.max(0, m - MAX_PERCENT_MAGNITUDE);
  if (role === 'deviation' && sizes.largest !== null) return 0.5 * Math.max(0, m - sizes.largest - LOG_TWO);
  return 0;
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
