/**
 * Which vertical gaps inside a table are line wraps within a cell and which are row breaks.
 *
 * Word tables pad their cells, so the space between two rows is several times the space
 * between two lines of one cell (Simrishamn: about 6 pt between rows, under 1 pt inside a
 * wrapped cell). Where the gaps fall into two such groups and the wide one is the common case,
 * the split between the groups is the limit; otherwise a gap under WRAP_GAP_FACTOR em may be a
 * wrap and other cues decide (a few wide gaps alone are group rows or captions, not padding).
 */

/** Without padding, a line continues the cell above only when it sits at most this many em below it. */
export const WRAP_GAP_FACTOR = 0.6;
/** Row gaps are padded when the smallest gap this many times the one below it opens a new group. */
export const PADDED_RATIO = 3;
/** ...and the upper group starts at least this many em apart. */
export const PADDED_MIN_FACTOR = 0.3;
/** ...and holds at least this share of the gaps: most lines of a table start a row. */
export const PADDED_ROW_SHARE = 0.4;

export interface GapLimit {
  /** Gaps below this (in points) may be a wrap inside a cell. */
  wrap: number;
  /** The table pads its rows: a gap below `wrap` can only be a wrap. */
  padded: boolean;
}

export function gapLimit(gaps: readonly number[], em: number): GapLimit {
  const fallback = { wrap: WRAP_GAP_FACTOR * em, padded: false };
  const sorted = gaps.filter((g) => g >= 0).sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    const [lo, hi] = [sorted[i - 1]!, sorted[i]!];
    const rowShare = (sorted.length - i) / sorted.length;
    if (hi >= PADDED_MIN_FACTOR * em && hi >= PADDED_RATIO * Math.max(lo, 0.05 * em) && rowShare >= PADDED_ROW_SHARE) {
      return { wrap: Math.min(fallback.wrap, (lo + hi) / 2), padded: true };
    }
  }
  return fallback;
}
