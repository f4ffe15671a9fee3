/** What the checks of recover.ts share: a row's candidate readings and rounding-aware arithmetic. */
import type { Piece } from './segment.js';

/** One reading of a row laid over the columns: a value per column, null where empty. */
export type Cells = (Piece | null)[];

export interface RowState {
  label: string;
  raw: string;
  /** The numeric tail as printed; null for a label without values (a group row). */
  tail: string | null;
  /** Readings that fit the columns and every check so far. */
  candidates: Cells[];
  /** What each check did to the row, for the evidence. */
  notes: string[];
  capped: boolean;
  /** Set when the split rests on a reading of the label (a year moved into it): never certain. */
  guess?: string;
}

/** Each rounded number may be off by half its last printed digit (as in classify/arithmetic). */
export const ROUNDING_PER_NUMBER = 0.5;

export function num(p: Piece | null | undefined): number | null {
  return p ? p.value : null;
}

/** A difference small enough to be the rounding of the printed numbers. */
export function within(difference: number, pieces: Piece[]): boolean {
  const digit = Math.max(...pieces.map((p) => 10 ** -p.decimals));
  return Math.abs(difference) <= ROUNDING_PER_NUMBER * pieces.length * digit + 1e-9;
}

/** Whether every candidate agrees on cell c (same printed text, or all empty). */
export function agreedCell(row: RowState, c: number): boolean {
  const t = row.candidates[0]?.[c]?.text ?? '';
  return row.candidates.every((x) => (x[c]?.text ?? '') === t);
}
