/**
 * Table rules in a page image (pure): the scan of a ruled table shows its rules as long, thin,
 * gray lines. They are found here so that (1) the PDF reader can read the table's grid from them
 * as on a born-digital page (ruled-tables.ts) and (2) they can be painted out before Tesseract
 * sees the page: left in, they come out as "|", "]", "=" glued to the numbers and they pull the
 * words of two rows into one text line.
 *
 * Scans are tilted (0.3–0.8° in the fixtures), so a horizontal rule crosses many pixel rows. The
 * page's skew is found first from the image (projection profile of the ink), and rows and columns
 * are then read along that slant: a rule of the tilted page lies in one slanted row.
 *
 * All lengths are in points and scaled by the image's pixels per point, so any dpi works.
 */
import type { Rule } from '../pdf/types.js';

/** An 8-bit gray image, row-major, one byte per pixel. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A rule as found in the image: its two end points (pixels of the image as rendered). */
export interface ImageRule {
  dir: 'h' | 'v';
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Pixels across the rule. */
  thickness: number;
  /**
   * The rule's ink as scanned (rules are rarely quite straight): at each position `from + i`
   * along it (x for 'h', y for 'v'), the pixels lo[i]..hi[i] across it (y for 'h', x for 'v').
   */
  ink: { from: number; lo: Int32Array; hi: Int32Array };
}

/** A pixel darker than this is ink for the skew estimate (text and rules, not shading). */
const SKEW_INK = 160;
/** Skews beyond this many degrees are not sought (words.ts's MAX_SKEW_DEG). */
const MAX_SKEW_DEG = 5;
/** Ink pixels the skew is estimated from, at most (a text page has 100 000–300 000). */
const MAX_SKEW_SAMPLES = 1_000_000;
/**
 * A pixel darker than this may be part of a rule. The fixture scans print rules at 130–170 and
 * cell shading at 220–240 on paper at 254: the threshold lies between rule and shading.
 */
export const RULE_INK = 210;
/** Beside a rule only pixels this dark count (text): a faint rule's own blur (190–210) must not. */
const SIDE_INK = 160;
/** A horizontal rule is at least this long (points): shorter dark strokes are glyphs ("—", "T"). */
export const MIN_H_RULE_PT = 20;
/** A vertical rule is at least this long (points): the ascender of a 16 pt heading is 12 pt. */
export const MIN_V_RULE_PT = 15;
/** A rule is at most this thick (points); a thicker dark band is a filled box or bold text. */
export const MAX_RULE_THICKNESS_PT = 3;
/** Breaks in a scanned rule up to this long (points) are bridged. */
const MAX_RULE_GAP_PT = 1;
/** Pixels beyond the rule's edges painted out with it (scan blur). */
const ERASE_MARGIN_PX = 2;

/** Pixels of a binary PGM (P5, maxval 255) as it comes from render.ts; no copy. */
export function pgmImage(pgm: Buffer): GrayImage {
  let i = 0;
  const fields: number[] = [];
  while (fields.length < 4 && i < pgm.length) {
    while (i < pgm.length && isSpace(pgm[i]!)) i++;
    let s = '';
    while (i < pgm.length && !isSpace(pgm[i]!)) s += String.fromCharCode(pgm[i++]!);
    fields.push(fields.length === 0 ? 0 : Number(s));
  }
  const [, width = 0, height = 0] = fields;
  const start = pgm.length - width * height;
  return { width, height, data: new Uint8Array(pgm.buffer, pgm.byteOffset + start, width * height) };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * The page's skew (radians, positive when lines fall to the right, i.e. y grows with x): the
 * angle at which the ink, projected across, piles up in the fewest, fullest rows. Coarse
 * search over ±MAX_SKEW_DEG, then a fine one around the best angle.
 */
export function imageSkew(img: GrayImage): number {
  // Every row but every other column: half the work, and no aliasing (skipping rows would make
  // the untilted projection, whose bins then hold only the kept rows, look sharpest). A page
  // dark all over (a photograph) is sampled more thinly, to bound time and memory.
  let count = 0;
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width;
    for (let x = 0; x < img.width; x += 2) if (img.data[row + x]! < SKEW_INK) count++;
  }
  if (count === 0) return 0;
  const every = Math.ceil(count / MAX_SKEW_SAMPLES);
  const xs = new Int32Array(Math.ceil(count / every));
  const ys = new Int32Array(xs.length);
  let seen = 0;
  let kept = 0;
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width;
    for (let x = 0; x < img.width; x += 2) {
      if (img.data[row + x]! >= SKEW_INK || seen++ % every !== 0) continue;
      xs[kept] = x;
      ys[kept++] = y;
    }
  }
  const bins = new Float64Array(img.height + 2 * img.width + 2);
  const score = (angle: number, stride: number): number => {
    const t = Math.tan(angle);
    const off = img.width;
    bins.fill(0);
    for (let k = 0; k < kept; k += stride) bins[Math.round(ys[k]! - xs[k]! * t) + off]! += 1;
    let s = 0;
    for (let k = 0; k < bins.length; k++) s += bins[k]! * bins[k]!;
    return s;
  };
  const deg = Math.PI / 180;
  let best = 0;
  let bestScore = -1;
  const search = (from: number, to: number, step: number, stride: number): void => {
    best = 0;
    bestScore = -1;
    for (let a = from; a <= to + 1e-12; a += step) {
      const s = score(a, stride);
      if (s > bestScore) { bestScore = s; best = a; }
    }
  };
  // The coarse pass needs only a sample of the ink (every 4th pixel); the fine one takes all.
  search(-MAX_SKEW_DEG * deg, MAX_SKEW_DEG * deg, 0.1 * deg, 4);
  const coarse = best;
  search(coarse - 0.1 * deg, coarse + 0.1 * deg, 0.01 * deg, 1);
  return best;
}

/** Bits of the ink mask: darker than RULE_INK, darker than SIDE_INK. */
const RULE_BIT = 1;
const SIDE_BIT = 2;

/**
 * Long thin dark lines, horizontal and vertical, in the image tilted by `skew` (radians).
 * `scale` is pixels per point.
 */
export function findImageRules(img: GrayImage, skew: number, scale: number): ImageRule[] {
  const t = Math.tan(skew);
  const gap = Math.max(1, Math.round(MAX_RULE_GAP_PT * scale));
  const maxThick = Math.max(2, Math.round(MAX_RULE_THICKNESS_PT * scale));
  const minH = Math.round(MIN_H_RULE_PT * scale);
  const minV = Math.round(MIN_V_RULE_PT * scale);
  const { width: w, height: h, data } = img;
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) {
    const v = data[i]!;
    mask[i] = (v < RULE_INK ? RULE_BIT : 0) | (v < SIDE_INK ? SIDE_BIT : 0);
  }
  const out: ImageRule[] = [];
  // Horizontal: slanted row r holds the pixels (x, r + shift[x]). A pixel counts as dark when it
  // or the one below is, so a 1-pixel rule survives rounding of the slant.
  const shiftX = Int32Array.from({ length: w }, (_, x) => Math.round(x * t));
  const darkH: Dark = (x, r, bit = RULE_BIT) => {
    const y = r + shiftX[x]!;
    if (y < 0 || y >= h) return false;
    return (mask[y * w + x]! & bit) !== 0 || (y + 1 < h && (mask[(y + 1) * w + x]! & bit) !== 0);
  };
  const runsH = (r: number): Array<[number, number]> => runsOf(w, (x) => darkH(x, r), minH, gap);
  for (const band of findBands(h, runsH, darkH, maxThick, Math.abs(shiftX[w - 1] ?? 0))) {
    // Line r covers pixel rows r and r + 1: the ink's centre is half a pixel below the line's.
    out.push({
      dir: 'h', x0: band.a, y0: band.ca + 0.5 + band.a * t, x1: band.b, y1: band.cb + 0.5 + band.b * t,
      thickness: band.thickness + 1, ink: inkOf(band, (x) => shiftX[x]!),
    });
  }
  // Vertical: slanted column c holds the pixels (c − shift[y], y).
  const shiftY = Int32Array.from({ length: h }, (_, y) => Math.round(y * t));
  const darkV: Dark = (y, c, bit = RULE_BIT) => {
    const x = c - shiftY[y]!;
    if (x < 0 || x >= w) return false;
    return (mask[y * w + x]! & bit) !== 0 || (x + 1 < w && (mask[y * w + x + 1]! & bit) !== 0);
  };
  const runsV = (c: number): Array<[number, number]> => runsOf(h, (y) => darkV(y, c), minV, gap);
  for (const band of findBands(w, runsV, darkV, maxThick, Math.abs(shiftY[h - 1] ?? 0))) {
    out.push({
      dir: 'v', x0: band.ca + 0.5 - band.a * t, y0: band.a, x1: band.cb + 0.5 - band.b * t, y1: band.b,
      thickness: band.thickness + 1, ink: inkOf(band, (y) => -shiftY[y]!),
    });
  }
  return out;
}

/** A dark stretch of one slanted line: pixels a..b along line `line`. */
interface Piece {
  line: number;
  a: number;
  b: number;
}

/** Pieces on neighbouring lines joined into one stroke, with its centre line fitted. */
interface Band {
  a: number;
  b: number;
  /** Slanted-line coordinate of the stroke's centre at a and at b. */
  ca: number;
  cb: number;
  /** Most lines the stroke covers at any one position along it. */
  thickness: number;
  /** First and last slanted line covered at each position a + i (bridged gaps: the neighbour's). */
  top: Int32Array;
  bottom: Int32Array;
}

/**
 * The pixels a band covers, across it, at each position along it: slanted line l at position k
 * is pixel l + shift(k) and the next one (the dark test looks at both).
 */
function inkOf(band: Band, shift: (along: number) => number): ImageRule['ink'] {
  const n = band.b - band.a + 1;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = shift(band.a + i);
    lo[i] = band.top[i]! + s;
    hi[i] = band.bottom[i]! + s + 1;
  }
  return { from: band.a, lo, hi };
}

/** Whether the pixel `along` a slanted `line` has the mask bit (default RULE_BIT: rule-dark). */
type Dark = (along: number, line: number, bit?: number) => boolean;

/**
 * Thin solid strokes along the slanted lines: the long dark stretches of each line (`runsOn`),
 * joined with the overlapping stretches of the neighbouring lines. `lines` slanted lines, plus
 * `slack` more each side for the slant.
 */
function findBands(
  lines: number, runsOn: (line: number) => Array<[number, number]>, dark: Dark, maxThick: number, slack: number,
): Band[] {
  const pieces: Piece[] = [];
  const firstOfLine: number[] = [];
  for (let line = -slack; line < lines + slack; line++) {
    firstOfLine.push(pieces.length);
    for (const [a, b] of runsOn(line)) pieces.push({ line, a, b });
  }
  firstOfLine.push(pieces.length);
  const parent = Int32Array.from(pieces, (_, i) => i);
  // Iterative, with path halving: a page dark all over makes long chains of pieces.
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let li = 1; li + 1 < firstOfLine.length; li++) {
    for (let i = firstOfLine[li - 1]!; i < firstOfLine[li]!; i++) {
      for (let j = firstOfLine[li]!; j < firstOfLine[li + 1]!; j++) {
        if (pieces[i]!.a <= pieces[j]!.b && pieces[j]!.a <= pieces[i]!.b) parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, Piece[]>();
  pieces.forEach((p, i) => {
    const g = groups.get(find(i));
    if (g) g.push(p);
    else groups.set(find(i), [p]);
  });
  const out: Band[] = [];
  for (const g of groups.values()) {
    const band = strokeOf(g, dark, maxThick);
    if (band) out.push(band);
  }
  return out;
}

/** A rule is solid along its length: dark at this share of its positions. Bold text reaches 0.90. */
const MIN_SOLID_SHARE = 0.9;
/**
 * …and stands free: just beyond each edge, at most this share is dark. The bottom row of a line
 * of text also runs long and dark (serifs and bold strokes touch at 300 dpi), but has the
 * letters' stems above it (0.27 and more in the fixtures); rules show 0.01–0.05.
 */
const MAX_SIDE_SHARE = 0.2;

/** The stroke the pieces make, or null when it is too thick, gappy or crowded to be a rule. */
function strokeOf(pieces: readonly Piece[], dark: Dark, maxThick: number): Band | null {
  let a = Infinity;
  let b = -Infinity;
  for (const p of pieces) { a = Math.min(a, p.a); b = Math.max(b, p.b); }
  const n = b - a + 1;
  const top = new Int32Array(n).fill(2 ** 30);
  const bottom = new Int32Array(n).fill(-(2 ** 30));
  for (const p of pieces) {
    for (let k = p.a; k <= p.b; k++) {
      top[k - a] = Math.min(top[k - a]!, p.line);
      bottom[k - a] = Math.max(bottom[k - a]!, p.line);
    }
  }
  let thickness = 0;
  for (let i = 0; i < n; i++) thickness = Math.max(thickness, bottom[i]! - top[i]! + 1);
  if (thickness > maxThick) return null;
  let solid = 0;
  let before = 0;
  let after = 0;
  // Least-squares fit of the centre line over the positions the stroke covers.
  let sx = 0, sy = 0, sxx = 0, sxy = 0, m = 0;
  for (let i = 0; i < n; i++) {
    if (bottom[i]! < top[i]!) continue;
    const k = a + i;
    for (let l = top[i]!; l <= bottom[i]!; l++) if (dark(k, l)) { solid++; break; }
    if (dark(k, top[i]! - 2, SIDE_BIT)) before++;
    if (dark(k, bottom[i]! + 2, SIDE_BIT)) after++;
    const c = (top[i]! + bottom[i]! + 1) / 2;
    sx += k; sy += c; sxx += k * k; sxy += k * c; m++;
  }
  if (solid < MIN_SOLID_SHARE * n || before > MAX_SIDE_SHARE * n || after > MAX_SIDE_SHARE * n) return null;
  // Positions inside bridged gaps take their left neighbour's extent.
  for (let i = 1; i < n; i++) if (bottom[i]! < top[i]!) { top[i] = top[i - 1]!; bottom[i] = bottom[i - 1]!; }
  const den = m * sxx - sx * sx;
  const slope = den !== 0 ? (m * sxy - sx * sy) / den : 0;
  const icpt = (sy - slope * sx) / m;
  return { a, b, ca: icpt + slope * a, cb: icpt + slope * b, thickness, top, bottom };
}

/** Dark runs along one line: [start, end] pixel pairs, gaps up to `gap` bridged, ≥ minLen long. */
function runsOf(length: number, dark: (k: number) => boolean, minLen: number, gap: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  let lastDark = -1;
  for (let k = 0; k < length; k++) {
    if (!dark(k)) continue;
    if (start >= 0 && k - lastDark - 1 > gap) {
      if (lastDark - start + 1 >= minLen) out.push([start, lastDark]);
      start = k;
    } else if (start < 0) start = k;
    lastDark = k;
  }
  if (start >= 0 && lastDark - start + 1 >= minLen) out.push([start, lastDark]);
  return out;
}

/**
 * Paint the rules white in place, along their ink as scanned and ERASE_MARGIN_PX beyond it
 * (the scan's blur), so Tesseract reads the cells' text without them.
 */
export function eraseRules(img: GrayImage, rules: readonly ImageRule[]): void {
  const { width: w, height: h, data } = img;
  for (const r of rules) {
    const { from, lo, hi } = r.ink;
    for (let i = 0; i < lo.length; i++) {
      const along = from + i;
      for (let across = lo[i]! - ERASE_MARGIN_PX; across <= hi[i]! + ERASE_MARGIN_PX; across++) {
        const [x, y] = r.dir === 'h' ? [along, across] : [across, along];
        if (x >= 0 && x < w && y >= 0 && y < h) data[y * w + x] = 255;
      }
    }
  }
}

/**
 * Image rules → the reader's rules: points, top-left origin, rotated back by `theta` (radians)
 * exactly as words.ts rotates the words, so rules and runs share one frame.
 */
export function rulesToPoints(rules: readonly ImageRule[], theta: number, scale: number): Rule[] {
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const rot = (x: number, y: number): [number, number] => [(x * cos + y * sin) / scale, (-x * sin + y * cos) / scale];
  return rules.map((r) => {
    const [ax, ay] = rot(r.x0, r.y0);
    const [bx, by] = rot(r.x1, r.y1);
    return r.dir === 'h'
      ? { dir: 'h', pos: (ay + by) / 2, a: Math.min(ax, bx), b: Math.max(ax, bx) }
      : { dir: 'v', pos: (ax + bx) / 2, a: Math.min(ay, by), b: Math.max(ay, by) };
  });
}
