/**
 * pdf.js TextItems → positioned Runs (pure; testable from JSON items).
 *
 * The flip to a top-left origin multiplies by the page viewport transform, as pdf.js
 * text_layer.js does; the font size is the length of the transformed text-space y axis,
 * hypot(c, d). Fonts are identified by their real name from page.commonObjs because a
 * TextItem's fontName is a random object id (pdf.js api.js, "Font name will be a random
 * object id").
 */
import type { FontInfo, RawTextItem, Run } from './types.js';

/** Ascent/descent when textContent.styles has none (typical Latin fonts). */
const DEFAULT_ASCENT = 0.8;
const DEFAULT_DESCENT = -0.2;

/** Real font names that mark a bold face (PostScript names such as "ABCDEF+Carlito-Bold"). */
const BOLD_NAME = /bold|black|heavy|demi|semibold|extrabold|ultrabold|,bd\b|-bd\b/i;

export function isBoldFontName(name: string): boolean {
  return BOLD_NAME.test(name);
}

/**
 * Private-use bullet glyphs from Symbol/Wingdings fonts mapped to what they print.
 * U+F0B7 is Symbol's bullet seen through a font without a proper ToUnicode map.
 */
const PRIVATE_USE_MAP: Record<string, string> = {
  '\uF0B7': '•',
  '\uF0A7': '▪',
  '\uF0FC': '✓',
  '\uF02D': '-',
};

/** U+0008 followed by U+FFFD: dot leaders from some TOC generators (Adobe PDF Library). */
const LEADER_CHARS = /[\u0008\uFFFD]+/g;
/** A printed dot leader: four or more dots or middle dots, possibly spaced. */
const DOT_LEADER = /(?:[.·…]\s*){4,}/;

export interface CleanText {
  text: string;
  leader: boolean;
}

/**
 * Normalise the text of one item: leaders become one space (so a title does not run into its
 * page number), private-use bullets are mapped, soft hyphens inside a word are dropped.
 * A soft hyphen or "¬" at the item end is kept for the line-end hyphenation pass.
 */
export function cleanItemText(str: string): CleanText {
  let leader = false;
  let text = str;
  if (/[\u0008\uFFFD]/.test(text)) {
    leader = true;
    text = text.replace(LEADER_CHARS, ' ');
  }
  if (DOT_LEADER.test(text)) leader = true;
  text = text.replace(/[\uF000-\uF0FF]/g, (c) => PRIVATE_USE_MAP[c] ?? c);
  // Discretionary hyphens inside a run never print; at the end they mark a hyphenation break.
  text = text.replace(/[\u00AD¬](?=\S)/g, '');
  text = text.replace(/[\u0000-\u0007\u000B-\u001F]/g, '');
  return { text, leader };
}

export interface ItemsToRunsResult {
  runs: Run[];
  /** Non-whitespace characters in the text layer (0 → the page needs OCR). */
  textChars: number;
}

/**
 * Place TextItems on the page. Whitespace-only items (pdf.js's own inter-word fillers) are
 * dropped: spaces are re-derived from geometry in group-lines. Rotated text is skipped.
 */
export function itemsToRuns(
  items: readonly RawTextItem[],
  viewportTransform: readonly number[],
  fonts: Readonly<Record<string, FontInfo>>,
): ItemsToRunsResult {
  const runs: Run[] = [];
  let textChars = 0;
  const [va, vb, vc, vd, ve, vf] = viewportTransform as [number, number, number, number, number, number];
  for (const item of items) {
    if (typeof item.str !== 'string' || item.str.length === 0) continue;
    const nonSpace = item.str.replace(/\s+/g, '').length;
    textChars += nonSpace;
    if (nonSpace === 0) continue;
    const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
    // m = viewport × item.transform
    const ma = va * a + vc * b;
    const mb = vb * a + vd * b;
    const mc = va * c + vc * d;
    const md = vb * c + vd * d;
    const me = va * e + vc * f + ve;
    const mf = vb * e + vd * f + vf;
    const fontSize = Math.hypot(mc, md);
    if (fontSize <= 0) continue;
    // Skip rotated or vertical text: its "line" is not horizontal.
    if (Math.abs(mb) > 0.01 * Math.abs(ma) + 1e-6 || ma <= 0) continue;
    const font = fonts[item.fontName];
    const ascent = font?.ascent ?? DEFAULT_ASCENT;
    const descent = font?.descent ?? DEFAULT_DESCENT;
    const { text, leader } = cleanItemText(item.str);
    if (text.trim().length === 0) continue;
    // item.width is in user space; the viewport has scale 1, so it is also page points.
    const width = item.width * Math.hypot(va, vb);
    const run: Run = {
      text,
      x0: me,
      x1: me + width,
      baseline: mf,
      top: mf - ascent * fontSize,
      bottom: mf - descent * fontSize,
      fontSize: round2(fontSize),
      bold: font?.bold ?? false,
      leader,
    };
    runs.push(run);
  }
  return { runs, textChars };
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
