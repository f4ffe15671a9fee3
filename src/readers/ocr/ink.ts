/**
 * Marks Tesseract reads where nothing is printed (pure). Its LSTM reads a line as a whole and
 * now and then emits a glyph for blank space: at the trace of an erased table rule, a shading
 * edge or a wide gap between two cells it writes "—", "=" or "|" (boxes as tall as the line, not
 * one ink pixel inside), and around a lone digit in a wide cell it writes "[0]" or "0)" whose
 * brackets share the digit's ink. A glyph without ink of its own was not printed; such marks are
 * taken out before the words become runs.
 */
import type { OcrLineJson, OcrWordJson } from './engine.js';
import type { GrayImage } from './rules.js';

/** A pixel darker than this is printed ink (text is 0–130 in the fixture scans, shading 220+). */
const INK = 160;
/** A mark with fewer ink pixels than a dot this many points across has none. */
const MIN_MARK_INK_PT = 0.6;
/**
 * A gap in a word's ink at least this many row heights wide is a space Tesseract read through.
 * In Hjo's scan, words run together ("Ej klart" read as "Ejklart", "192 *" as '192"') show
 * 0.28–0.45, gaps between letters of one word at most 0.24 (a letter-spaced title).
 */
export const GAP_INSIDE_ROWS = 0.27;
/** Words that are nothing but rule-like marks. */
const MARKS_ONLY = /^[—–\-=|_~\[\]]+$/;
/** A number in square brackets or with a stray round one: "[0]", "[6]", "0)", "(0". */
const BRACKETED = /^([\[(]?)([-−–+]?\d[\d\s,.]*)([\])]?)$/;

export interface InkCheck {
  lines: OcrLineJson[];
  /** The marks taken out, as Tesseract read them. */
  removed: string[];
}

/** Take out inkless marks and brackets; `scale` is pixels per point of `img`. */
export function dropInklessMarks(lines: readonly OcrLineJson[], img: GrayImage, scale: number): InkCheck {
  const removed: string[] = [];
  const minInk = (MIN_MARK_INK_PT * scale) ** 2;
  const out = lines.map((line) => {
    const words: OcrWordJson[] = [];
    for (const w of line.words) {
      const text = w.text.trim();
      if (MARKS_ONLY.test(text) && inkIn(img, w.bbox) < minInk) {
        removed.push(text);
        continue;
      }
      const bare = unbracket(text, img, w.bbox);
      if (bare !== text) removed.push(text);
      // Digits run together are a number whose thousands space OCR dropped ("21 930" as "21930"):
      // the value stands. Anything else may be two words read as one.
      const gapInside = !/^[-−–+]?\d+$/.test(bare) && widestGap(img, w.bbox) >= GAP_INSIDE_ROWS * line.rowAttributes.rowHeight;
      words.push(bare === text && !gapInside ? w : { ...w, text: bare, ...(gapInside ? { gapInside } : {}) });
    }
    return { ...line, words };
  });
  return { lines: out.filter((l) => l.words.length > 0), removed };
}

/** Dark pixels inside a box. */
function inkIn(img: GrayImage, b: OcrWordJson['bbox']): number {
  let n = 0;
  for (let y = Math.max(0, b.y0); y < Math.min(img.height, b.y1); y++) {
    const row = y * img.width;
    for (let x = Math.max(0, b.x0); x < Math.min(img.width, b.x1); x++) if (img.data[row + x]! < INK) n++;
  }
  return n;
}

/** Whether each column of a box holds ink. */
function inkedColumns(img: GrayImage, b: OcrWordJson['bbox']): boolean[] {
  const out: boolean[] = [];
  for (let x = Math.max(0, b.x0); x < Math.min(img.width, b.x1); x++) {
    let inked = false;
    for (let y = Math.max(0, b.y0); y < Math.min(img.height, b.y1) && !inked; y++) inked = img.data[y * img.width + x]! < INK;
    out.push(inked);
  }
  return out;
}

/**
 * Separate stretches of inked columns across a box: one per glyph in print (glyphs do not touch
 * at body sizes), fewer where they do.
 */
function inkRuns(img: GrayImage, b: OcrWordJson['bbox']): number {
  let runs = 0;
  let inRun = false;
  for (const inked of inkedColumns(img, b)) {
    if (inked && !inRun) runs++;
    inRun = inked;
  }
  return runs;
}

/** The widest stretch of blank columns between two inked ones (pixels). */
function widestGap(img: GrayImage, b: OcrWordJson['bbox']): number {
  let widest = 0;
  let blank = 0;
  let seen = false;
  for (const inked of inkedColumns(img, b)) {
    if (!inked) { blank++; continue; }
    if (seen) widest = Math.max(widest, blank);
    seen = true;
    blank = 0;
  }
  return widest;
}

/**
 * A bracketed number whose ink shows no more glyphs than the number alone has: the brackets
 * are the LSTM's reading of the number's own outline, so the number is returned without them.
 */
function unbracket(text: string, img: GrayImage, b: OcrWordJson['bbox']): string {
  const m = BRACKETED.exec(text);
  if (!m || (m[1] === '' && m[3] === '')) return text;
  const core = m[2]!;
  const glyphs = core.replace(/\s/g, '').length;
  return inkRuns(img, b) <= glyphs ? core : text;
}
