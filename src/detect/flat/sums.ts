/**
 * Column sums: a Summa/Totalt row equals the rows above it, back to the previous sum or group
 * row ("varav"/"därav" rows left out); a sum row straight after another sums the subtotals
 * before it ("Summa investeringsprojekt" under "Summa färdigställda" and "Summa pågående").
 *
 * Column by column, a reading survives when its value can be matched by some choice of
 * readings of the other rows. A column that cannot add up under any reading says nothing
 * (printed tables are not always right) and is skipped; the others still decide.
 */
import type { ColumnRole } from './header.js';
import { num, ROUNDING_PER_NUMBER, type Cells, type RowState } from './cells.js';

const SUM_LABEL = /^(?:summa|totalt?|total|s:a)(?!\p{L})/iu;
const PART_LABEL = /^(?:[-–]?\s*(?:varav|därav)(?!\p{L})|[-–]\s*\p{L})/iu;
/** Sets of partial sums larger than this are not followed (the check is then skipped). */
const MAX_SUMS = 4000;
/** A column check whose windows cover more of the achievable range than this decides nothing. */
const MAX_CHANCE = 0.2;

/** Returns true when some row lost readings. */
export function applySums(rows: RowState[], roles: ColumnRole[]): boolean {
  let changed = false;
  let parts: RowState[] = [];
  let subtotals: RowState[] = [];
  for (const row of rows) {
    if (row.tail === null) { parts = []; continue; }
    if (PART_LABEL.test(row.label)) continue;
    if (!SUM_LABEL.test(row.label)) { parts.push(row); continue; }
    const over = parts.length === 0 && subtotals.length >= 2 ? subtotals : parts;
    if (over.length >= 2 && over.every((p) => p.candidates.length > 0) && row.candidates.length > 0) {
      changed = sumCheck(row, over, roles) || changed;
    }
    subtotals = over === subtotals ? [row] : [...subtotals, row];
    parts = [];
  }
  return changed;
}

function sumCheck(total: RowState, parts: RowState[], roles: ColumnRole[]): boolean {
  const all = [total, ...parts];
  const columns = roles.map((_, c) => c).filter((c) => roles[c] !== 'note' && roles[c] !== 'percent' && roles[c] !== 'text');
  const keep = all.map((r) => r.candidates.map(() => true));
  const skipped: number[] = [];
  for (const c of columns) {
    const pass = columnPasses(all, c);
    if (pass === null) continue;
    const next = keep.map((k, i) => k.map((ok, j) => ok && pass[i][j]));
    // A column no reading makes add up, or one that contradicts the columns before it, is a
    // printing error or a coincidence: it decides nothing.
    if (next.some((k) => !k.some(Boolean))) { skipped.push(c); continue; }
    next.forEach((k, i) => { keep[i] = k; });
  }
  let changed = false;
  const aside = skipped.length === 0 ? ''
    : ` (column${skipped.length > 1 ? 's' : ''} ${skipped.map((c) => c + 1).join(', ')} left out: ${skipped.length > 1 ? 'they do' : 'it does'} not add up)`;
  all.forEach((r, i) => {
    const before = r.candidates.length;
    r.candidates = r.candidates.filter((_, k) => keep[i][k]);
    if (r.candidates.length < before) {
      changed = true;
      r.notes.push(`column sums against "${total.label}": ${before - r.candidates.length} of ${before} readings fail them${aside}`);
    }
  });
  return changed;
}

/**
 * Per row, per candidate: whether its value in column c can make the column add up. Null when
 * the check is too weak to trust: too many combinations, or the sums the other rows can make
 * lie so densely that a wrong reading would add up by chance (glued counts, a rounding
 * tolerance of a few units).
 */
function columnPasses(all: RowState[], c: number): boolean[][] | null {
  const options = all.map((r) => distinctValues(r.candidates, c));
  const tol = ROUNDING_PER_NUMBER * all.length * 10 ** -Math.max(0, ...all.flatMap((r) => r.candidates.map((x) => x[c]?.decimals ?? 0)));
  const out: boolean[][] = [];
  for (let i = 0; i < all.length; i++) {
    const others = sumsExcept(options, i);
    if (others === null || chanceOfFit(others, options[i].length, tol) > MAX_CHANCE) return null;
    // others holds (total − Σ parts) without row i: the total row adds up when v − Σ parts = 0,
    // i.e. v + others = 0; part i when total − Σ other parts = v, i.e. others − v = 0.
    out.push(all[i].candidates.map((cand) => {
      const v = num(cand[c]) ?? 0;
      return i === 0 ? others.some((s) => Math.abs(v + s) <= tol) : others.some((s) => Math.abs(s - v) <= tol);
    }));
  }
  return out;
}

/**
 * Rough odds that one of a row's wrong values lands in a tolerance window around one of the
 * sums the other rows can make: the windows' share of the span of those sums, times the
 * row's other values. Where the other rows are settled (one sum) only rounding can mislead.
 */
function chanceOfFit(sums: number[], values: number, tol: number): number {
  if (sums.length <= 1) return 0;
  const span = Math.max(...sums) - Math.min(...sums) + 2 * tol;
  return Math.min(1, (Math.max(1, values - 1) * sums.length * 2 * tol) / span);
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

const round = (x: number) => Math.round(x * 1e6) / 1e6;
