/**
 * Tesseract lines and words (pixels of the page image) → the PDF reader's runs (points, top-left
 * origin), so OCR pages go through the same line grouping and aligned-table detection as
 * born-digital pages (pure; fed JSON in tests).
 *
 * Scans are rarely straight. Tesseract fits a baseline per text line; the page's skew is the
 * median slope of those baselines, and every word is rotated back by it, so the words of one
 * table row share a baseline across the whole page width (a 0.8° tilt moves the far end of a
 * 500 pt row by 7 pt, more than group-lines' baseline tolerance).
 *
 * Font size: Tesseract's row height is the height above the baseline of the line's capitals and
 * ascenders. Measured against the born-digital originals of the fixtures (Liberation Serif/Sans,
 * Carlito at 9–17 pt) it is 0.94–1.01 em.
 */
import type { Run } from '../pdf/types.js';
import type { OcrLineJson } from './engine.js';

/** Row height (capital/ascender height) as a share of the font size. */
export const ROW_HEIGHT_EM = 0.96;
/** Lines narrower than this many row heights say little about the skew. */
const SKEW_MIN_LINE_ROWS = 8;
/** A skew beyond this (degrees) is not a tilted scan but a rotated page or a bad fit; ignored. */
export const MAX_SKEW_DEG = 5;
/** Ascent and descent as shares of the font size, as text-items.ts assumes for a font without metrics. */
const ASCENT = 0.8;
const DESCENT = 0.2;
/** Line font sizes within this share of a more frequent size are that size (OCR estimates vary by line). */
export const FONT_SIZE_SNAP_SHARE = 0.07;
/** A first word printed as one of these, small and set off from the text, is a list bullet
 * Tesseract read as a letter ("•" comes out as "e", "«", "»", "+" …). */
const BULLET_READINGS = new Set(['e', '«', '»', '+', '*', '•', '°', '©', '®', 'o', '¢', '©', '·', '-', '—', '–', '.']);
/** The bullet's ink is at most this share of the row height tall… */
const BULLET_MAX_HEIGHT_SHARE = 0.7;
/** …and the next word starts at least this many em after it. */
const BULLET_MIN_GAP_EM = 0.5;
/** Words closer than this many em belong to one cell (group-lines' CELL_GAP_FACTOR). */
const CELL_GAP_EM = 0.9;

/** A run read by OCR: the reader's Run plus the word's confidence (0–100). */
export interface OcrRun extends Run {
  confidence: number;
  /** The word as Tesseract read it, when repairPercent() or repairPercentToken() changed it. */
  readAs?: string;
  /** The word's ink has a space-wide gap inside: it may be two words read as one (ink.ts). */
  gapInside?: true;
}

/**
 * Tesseract's Swedish model reads a printed "%" after digits as two or three digits: "97%" comes
 * out as "9796", "9794", "97926", "85,00%" as "85,0026", "100%" as "100264" (all fixture scans,
 * at 200–400 dpi; the symbols themselves get high confidence, the word does not).
 */
export const PERCENT_READINGS = ['926', '946', '264', '96', '26', '24', '94', '90'];
/** Only words Tesseract was unsure of are repaired; correct numbers come at 90–96. */
export const PERCENT_REPAIR_MAX_CONFIDENCE = 90;
const PERCENT_PREFIX = /^(\d{1,3})(?:,(\d{1,2}))?$/;

/**
 * A number word that cannot be what was printed as read (over 100 without a thousands group,
 * or more than two decimals) but is a percentage once a known misreading of "%" is taken off
 * its end: returns that percentage ("9796" → "97%"), else null. The caller must say so.
 */
export function repairPercent(word: string, confidence: number): string | null {
  if (confidence >= PERCENT_REPAIR_MAX_CONFIDENCE) return null;
  const m = /^([-−–+]?)(\d+(?:,\d+)?)$/.exec(word);
  if (!m) return null;
  const [, sign, body] = m as unknown as [string, string, string];
  const [int, dec = ''] = body.split(',') as [string, string?];
  const plausibleAsRead = dec.length <= 2 && Number(int) <= 100;
  if (plausibleAsRead) return null;
  for (const tail of PERCENT_READINGS) {
    if (!body.endsWith(tail)) continue;
    const head = body.slice(0, -tail.length);
    const pm = PERCENT_PREFIX.exec(head);
    if (!pm || (pm[1]!.length > 1 && pm[1]!.startsWith('0'))) continue;
    const value = Number(`${pm[1]}.${pm[2] ?? '0'}`);
    if (value > 100) continue;
    return `${sign}${head}%`;
  }
  return null;
}

/**
 * Two-digit readings of a "%" set apart from its number ("50 %" read as "50 26", "Andel barn (%)"
 * as "(26)"). Unlike a repair by text alone, these are told from real numbers by their width:
 * the "%" glyph is narrower than two digits.
 */
export const PERCENT_TOKEN_READINGS = ['26', '24', '96', '94', '90', '20'];
/**
 * A two-digit word whose ink is narrower than this share of its line's row height is a "%":
 * two digits measure 0.95–1.02 row heights in the fixture scans, a "%" read as two digits
 * 0.71–0.77 (every such reading in Hjo's scan).
 */
export const PERCENT_TOKEN_MAX_WIDTH = 0.85;
/** What a bracket of "(26)" adds to the word's width, in row heights. */
const BRACKET_WIDTH = 0.3;

/**
 * A word that reads as two digits but is too narrow for them, and reads as a known misreading
 * of "%": returns the word with "%" for the digits ("(26)" → "(%)"), else null. `widthPx` is the
 * word's ink width, `rowPx` its line's row height (both pixels). The caller must say so.
 */
export function repairPercentToken(word: string, widthPx: number, rowPx: number): string | null {
  const m = /^(\(?)(\d\d)(\)?)$/.exec(word);
  if (!m || !PERCENT_TOKEN_READINGS.includes(m[2]!) || !(rowPx > 0)) return null;
  const brackets = m[1]!.length + m[3]!.length;
  const digitsWidth = widthPx - brackets * BRACKET_WIDTH * rowPx;
  return digitsWidth < PERCENT_TOKEN_MAX_WIDTH * rowPx ? `${m[1]}%${m[3]}` : null;
}

export interface PageRuns {
  runs: OcrRun[];
  /** Skew removed, in degrees (positive: text rises to the left, i.e. y grows with x). */
  skewDeg: number;
}

/** The page's skew: the length-weighted median slope of long lines' baselines (radians). */
export function estimateSkew(lines: readonly OcrLineJson[]): number {
  const samples: Array<{ angle: number; weight: number }> = [];
  for (const l of lines) {
    const b = l.baseline;
    const dx = b.x1 - b.x0;
    const row = Math.max(1, l.rowAttributes.rowHeight);
    if (l.words.length < 2 || dx < SKEW_MIN_LINE_ROWS * row) continue;
    const angle = Math.atan2(b.y1 - b.y0, dx);
    if (Math.abs(angle) > (MAX_SKEW_DEG * Math.PI) / 180) continue;
    samples.push({ angle, weight: dx });
  }
  if (samples.length === 0) return 0;
  samples.sort((a, b) => a.angle - b.angle);
  const total = samples.reduce((s, x) => s + x.weight, 0);
  let acc = 0;
  for (const s of samples) {
    acc += s.weight;
    if (acc >= total / 2) return s.angle;
  }
  return samples[samples.length - 1]!.angle;
}

/**
 * Words → runs in points. `scale` is pixels per point of the image. Each word keeps its own box
 * (x) and takes its line's baseline at the word's centre (y), rotated back by the page skew.
 */
export function linesToRuns(lines: readonly OcrLineJson[], scale: number): PageRuns {
  const theta = estimateSkew(lines);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const runs: OcrRun[] = [];
  for (const line of lines) {
    const b = line.baseline;
    const row = line.rowAttributes.rowHeight > 0 ? line.rowAttributes.rowHeight : line.bbox.y1 - line.bbox.y0;
    const fontSize = row / ROW_HEIGHT_EM / scale;
    if (!(fontSize > 0)) continue;
    const words = line.words.filter((w) => w.text.trim() !== '' && w.bbox.x1 > w.bbox.x0);
    const moneyLine = words.some((w, i) => {
      const next = words[i + 1];
      return next !== undefined && /^[-−–+]?\d{1,3}$/.test(w.text.trim()) && /^\d{3}$/.test(next.text.trim()) &&
        (next.bbox.x0 - w.bbox.x1) / scale < CELL_GAP_EM * fontSize;
    });
    words.forEach((w, i) => {
      const cx = (w.bbox.x0 + w.bbox.x1) / 2;
      const cy = (w.bbox.y0 + w.bbox.y1) / 2;
      const half = (w.bbox.x1 - w.bbox.x0) / 2;
      const t = b.x1 !== b.x0 ? (cx - b.x0) / (b.x1 - b.x0) : 0;
      const by = b.x1 !== b.x0 ? b.y0 + t * (b.y1 - b.y0) : Math.max(b.y0, b.y1);
      // Rotate by −θ about the image origin: x' = x cosθ + y sinθ, y' = −x sinθ + y cosθ.
      const x = (cx * cos + cy * sin) / scale;
      const baseline = (-cx * sin + by * cos) / scale;
      let text = w.text.trim();
      const next = words[i + 1];
      if (i === 0 && next && BULLET_READINGS.has(text) &&
        w.bbox.y1 - w.bbox.y0 <= BULLET_MAX_HEIGHT_SHARE * row &&
        (next.bbox.x0 - w.bbox.x1) / scale >= BULLET_MIN_GAP_EM * fontSize) {
        text = '•';
      }
      // A word right after a 1–3 digit word is a thousands group ("1 296"), never a percentage.
      const prev = words[i - 1];
      const grouped = prev !== undefined && /^[-−–+]?\d{1,3}$/.test(prev.text.trim()) &&
        (w.bbox.x0 - prev.bbox.x1) / scale < CELL_GAP_EM * fontSize;
      // On a line of grouped amounts ("-1 571"), a 4-digit word is a group OCR ran together
      // ("1 960" read as "1960"), not a percentage; only a decimal number may be repaired there.
      const percent = repairPercentToken(text, w.bbox.x1 - w.bbox.x0, row) ??
        (grouped || (moneyLine && !text.includes(',')) ? null : repairPercent(text, w.confidence));
      runs.push({
        ...(percent !== null ? { readAs: text } : {}),
        ...(w.gapInside ? { gapInside: true as const } : {}),
        text: percent ?? text,
        x0: x - half / scale,
        x1: x + half / scale,
        baseline,
        top: baseline - ASCENT * fontSize,
        bottom: baseline + DESCENT * fontSize,
        fontSize,
        bold: false,
        leader: false,
        confidence: w.confidence,
      });
    });
  }
  return { runs, skewDeg: (theta * 180) / Math.PI };
}

/**
 * Snap OCR font sizes to a few document-wide sizes, so that lines of one style share one size
 * as they do in a born-digital PDF (detectors compare sizes for equality: body size, headings).
 * The most frequent size (by characters) takes every size within FONT_SIZE_SNAP_SHARE of it,
 * then the next, and so on; sizes are rounded to 0.5 pt. Mutates and returns `runs`.
 */
export function snapFontSizes<R extends Run>(runs: R[]): R[] {
  const weight = new Map<number, number>();
  const key = (s: number): number => Math.round(s * 10) / 10;
  for (const r of runs) weight.set(key(r.fontSize), (weight.get(key(r.fontSize)) ?? 0) + r.text.length);
  const sizes = [...weight.keys()];
  const snapped = new Map<number, number>();
  const left = new Set(sizes);
  while (left.size > 0) {
    // The heaviest size still unassigned, with the weight of its neighbourhood.
    let best = 0;
    let bestW = -1;
    for (const s of left) {
      let w = 0;
      for (const o of left) if (Math.abs(o - s) <= FONT_SIZE_SNAP_SHARE * s) w += weight.get(o)!;
      if (w > bestW || (w === bestW && s < best)) { bestW = w; best = s; }
    }
    const members = [...left].filter((o) => Math.abs(o - best) <= FONT_SIZE_SNAP_SHARE * best);
    let sum = 0;
    let n = 0;
    for (const m of members) { sum += m * weight.get(m)!; n += weight.get(m)!; }
    const size = Math.round((n > 0 ? sum / n : best) * 2) / 2;
    for (const m of members) { snapped.set(m, size); left.delete(m); }
  }
  for (const r of runs) {
    const size = snapped.get(key(r.fontSize)) ?? r.fontSize;
    const ratio = size / r.fontSize;
    // Keep the baseline; top and bottom follow the new size.
    r.top = r.baseline - (r.baseline - r.top) * ratio;
    r.bottom = r.baseline + (r.bottom - r.baseline) * ratio;
    r.fontSize = size;
  }
  return runs;
}
