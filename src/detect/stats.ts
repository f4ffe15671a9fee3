/**
 * Document-wide typography statistics, computed once and read by later stages
 * (pdf-to-markdown's MOST_USED_HEIGHT). Text sources have no font sizes: bodyFontSize null.
 */
import type { Block } from '../model/source-doc.js';

export interface DocStats {
  /** Most used font size over all characters, rounded to 0.5 pt; null without font facts. */
  bodyFontSize: number | null;
  /** Distinct larger sizes in use, largest first (heading tiers). */
  largerSizes: number[];
  /** The source declares its heading levels; typography is not evidence of headings then. */
  declared?: boolean;
}

/** A size counts as a heading tier when it is at least this much larger than body text. */
export const HEADING_SIZE_FACTOR = 1.08;

const round = (x: number) => Math.round(x * 2) / 2;

export function docStats(blocks: Block[]): DocStats {
  const chars = new Map<number, number>();
  for (const b of blocks) {
    if (b.kind !== 'line' || b.fontSize === null) continue;
    const s = round(b.fontSize);
    chars.set(s, (chars.get(s) ?? 0) + b.text.length);
  }
  if (chars.size === 0) return { bodyFontSize: null, largerSizes: [] };
  const body = [...chars.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const largerSizes = [...chars.keys()].filter((s) => s >= body * HEADING_SIZE_FACTOR).sort((a, b) => b - a);
  return { bodyFontSize: body, largerSizes };
}

export function roundSize(x: number): number {
  return round(x);
}
