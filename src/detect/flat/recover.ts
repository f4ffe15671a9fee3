/**
 * Column recovery for one flattened table: each row's numeric tail is split into exactly as
 * many cells as the header has columns, choosing among the readings `segment.ts` allows.
 *
 * Checks, in order:
 * 1. what the header says a column holds: a "Not" column holds small note numbers, a "%"
 *    column per cent values (and no other column does, when the table has one), an "Antal"
 *    column no negative numbers, a "Kön" column no numbers at all;
 * 2. row identities (identities.ts): Avvikelse/Differens = the difference of two other
 *    columns (the pair and its order learnt from the rows already settled, else either sign),
 *    Intäkt + Kostnad (+ Kommunbidrag) = Resultat, "Utfall i % av budget" = 100·a/b,
 *    Ingående + Årets = Utgående;
 * 3. column sums (sums.ts): a Summa/Totalt row equals the rows above it, or the subtotals
 *    before it; a column that cannot add up, or could by chance, decides nothing.
 * A check only removes readings when some reading of the row passes it: printed tables do
 * not always add up, and a check nobody passes says nothing about the split.
 *
 * A cell is certain when every reading left agrees on it. Otherwise the readings are scored
 * on soft evidence (evidence.ts: decimals, magnitude and sign, fewer empty cells); a clear
 * winner is inferred, and so is a cell that every reading within reach of the best agrees
 * on; anything closer is unresolved (left empty, the row's printed text in its warning).
 */
import { columnRole, type ColumnRole } from './header.js';
import { readings, splitTail, type Mode } from './segment.js';
import type { Cells, RowState } from './cells.js';
import { applyRowIdentities, learnOrientations, rowIdentities, type Identity } from './identities.js';
import { applySums } from './sums.js';
import { columnProfiles, score, type Profile } from './evidence.js';

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
  /** The best reading fills every column (even when too close to call): the count fits this row. */
  fills: boolean;
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

/**
 * Recover the grid of a flattened table: `columns` are the value columns' names (header
 * minus the corner), `lines` the body lines as printed. Works on plain strings, so PDF text
 * without usable x-positions goes through the same code.
 */
export function recoverFlatTable(columns: string[], lines: string[], mode: Mode = guessMode(lines)): FlatTable {
  const roles = columns.map(columnRole);
  const rows: RowState[] = lines.map((raw) => readRow(raw, roles, mode));
  const identities = rowIdentities(roles, learnOrientations(rows, roles));
  for (const row of rows) applyRowIdentities(row, identities);
  for (let pass = 0; pass < 3; pass++) if (!applySums(rows, roles)) break;
  const profiles = columnProfiles(rows, roles.length);
  return { columns, mode, rows: rows.map((r) => decide(r, roles, columns, profiles, identities)) };
}

/** Glued text shows itself where a label or a value runs straight into a number or sign. */
export function guessMode(lines: string[]): Mode {
  const glued = lines.filter((l) => /\p{L}[-−–+]?\d|\d[-−–+]\d|%\d|\d,\d+[-−–]\d/u.test(l)).length;
  return glued * 2 >= lines.length && glued > 0 ? 'glued' : 'spaced';
}

function readRow(raw: string, roles: ColumnRole[], mode: Mode): RowState {
  const split = splitTail(raw, mode);
  const state: RowState = { label: split?.label ?? clean(raw), raw, tail: split?.tail ?? null, candidates: [], notes: [], capped: false };
  // Numbers this mode cannot cut from the label: a row left unread, not a group row.
  if (!split && /\d/.test(raw)) return { ...state, tail: '' };
  if (!split) return state;
  // A label ending in a number ("Investering 2") is not taken apart: giving the label a
  // leading number whenever the rest fits would turn a wrong column count into a "certain" split.
  const found = place(split.tail, roles, mode);
  state.candidates = found.candidates;
  state.capped = found.capped;
  // Only when nothing fits may a leading year belong to the label ("Överskott överfört från
  // 2025  226"), and the row then says so: it is inferred at best.
  const year = /^((?:19|20)\d{2}) (?=\S)/.exec(split.tail);
  if (found.candidates.length === 0 && !found.capped && year) {
    const rest = place(split.tail.slice(year[0].length), roles, mode);
    if (rest.candidates.length > 0) {
      Object.assign(state, { label: `${state.label} ${year[1]}`, tail: split.tail.slice(year[0].length), candidates: rest.candidates });
      state.guess = `no reading of "${split.tail}" fits, so ${year[1]} is read as the end of the label`;
    }
  }
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
    if (roles[c] === 'text') return p === null;
    if (p === null || p.value === null) return true;
    if (roles[c] === 'note') return !p.grouped && p.decimals === 0 && p.value >= 1 && p.intDigits <= 3 && !/^[-−–+]/.test(p.text) && !p.percent;
    // "Antal" counts people, places, grants: never below zero.
    if (roles[c] === 'count' && /^[-−–]/.test(p.text)) return false;
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

/** The Kön word a flattened row carries at the end of its label ("… serveringstillstånd Alla 78 %"). */
const GENDER_WORD = /\s(Alla|Totalt|Kvinnor|Män|Flickor|Pojkar)$/;

function decide(row: RowState, roles: ColumnRole[], columns: string[], profiles: Profile[], identities: Identity[]): FlatRow {
  const out = decideCells(row, roles, columns, profiles, identities);
  const text = roles.indexOf('text');
  const gender = text >= 0 && out.cells ? GENDER_WORD.exec(out.label) : null;
  if (gender) {
    // The word is printed where the column stands: as sure as the row's own label.
    out.cells![text] = { text: gender[1], certainty: 'certain' };
    out.label = out.label.slice(0, gender.index);
  }
  if (!row.guess || out.cells === null) return out;
  for (const c of out.cells) if (c.certainty === 'certain' && c.text !== '') c.certainty = 'inferred';
  return { ...out, certainty: out.certainty === 'certain' ? 'inferred' : out.certainty, evidence: `${row.guess}; ${out.evidence}` };
}

function decideCells(row: RowState, roles: ColumnRole[], columns: string[], profiles: Profile[], identities: Identity[]): FlatRow {
  const n = roles.length;
  const full = (cells: Cells) => cells.every((p, c) => p !== null || roles[c] === 'text');
  const base = { label: row.label, raw: row.raw, readings: row.candidates.length, fills: false };
  if (row.tail === null) return { ...base, cells: null, certainty: 'certain', evidence: 'a label without values (group row)' };
  if (row.candidates.length === 0) {
    const why = row.capped ? `more than ${MAX_READINGS} readings`
      : row.tail === '' ? 'its numbers cannot be cut from the label' : `no reading of "${row.tail}" fits ${n} columns`;
    return { ...base, cells: Array.from({ length: n }, () => ({ text: '', certainty: 'unresolved' as const })), certainty: 'unresolved', evidence: why };
  }
  const agreed = Array.from({ length: n }, (_, c) => {
    const t = row.candidates[0][c]?.text ?? '';
    return row.candidates.every((x) => (x[c]?.text ?? '') === t);
  });
  const checks = row.notes.length > 0 ? `; ${row.notes.join('; ')}` : '';
  if (row.candidates.length === 1 || agreed.every(Boolean)) {
    const cells = row.candidates[0].map((p) => ({ text: p?.text ?? '', certainty: 'certain' as const }));
    return { ...base, fills: full(row.candidates[0]), cells, certainty: 'certain', evidence: `the only reading that fits ${n} columns${checks}` };
  }
  const scored = row.candidates.map((cells) => ({ cells, s: score(cells, roles, profiles, identities) })).sort((a, b) => b.s.total - a.s.total);
  const best = scored[0];
  const second = scored.find((x) => x.cells.some((p, c) => (p?.text ?? '') !== (best.cells[c]?.text ?? '')))!;
  const lead = best.s.total - second.s.total;
  const show = (cells: Cells) => cells.map((p) => p?.text ?? '∅').join(' | ');
  const why = Object.keys(best.s.parts)
    .filter((k) => best.s.parts[k] > second.s.parts[k] + 1e-9)
    .map((k) => `${k} ${fmt(best.s.parts[k] - second.s.parts[k])}`);
  const resolved = lead >= INFER_MARGIN;
  // Too close to call as a whole, a cell is still inferred where every reading in the running agrees.
  const running = scored.filter((x) => best.s.total - x.s.total < INFER_MARGIN);
  const settled = (c: number) => running.every((x) => (x.cells[c]?.text ?? '') === (best.cells[c]?.text ?? ''));
  const cells: FlatCell[] = best.cells.map((p, c) => (agreed[c]
    ? { text: p?.text ?? '', certainty: 'certain' }
    : resolved || settled(c) ? { text: p?.text ?? '', certainty: 'inferred' } : { text: '', certainty: 'unresolved' }));
  const evidence = resolved
    ? `${row.candidates.length} readings fit; chose "${show(best.cells)}" over "${show(second.cells)}" by ${why.join(', ') || 'score'} (lead ${fmt(lead)})${checks}`
    : `${row.candidates.length} readings fit and none stands out: "${show(best.cells)}" or "${show(second.cells)}" (lead ${fmt(lead)}); columns ${columns.filter((_, c) => cells[c].certainty === 'unresolved').map((x) => `"${x}"`).join(', ')} left empty${checks}`;
  return { ...base, fills: full(best.cells), cells, certainty: resolved ? 'inferred' : 'unresolved', evidence };
}

/**
 * Cells of these columns become at most inferred: the split of the row may be sure, but the
 * name of the column it sits under was a choice (a stacked header read without positions).
 */
export function doubtColumns(table: FlatTable, columns: number[], why: string): void {
  for (const row of table.rows) {
    if (!row.cells) continue;
    const cells = columns.map((c) => row.cells![c]).filter((c) => c && c.certainty === 'certain' && c.text !== '');
    if (cells.length === 0) continue;
    for (const c of cells) c.certainty = 'inferred';
    if (row.certainty === 'certain') row.certainty = 'inferred';
    row.evidence = `${why}; ${row.evidence}`;
  }
}

const fmt = (x: number) => (Math.round(x * 10) / 10).toString().replace('.', ',');
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
