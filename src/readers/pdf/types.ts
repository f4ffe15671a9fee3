/**
 * Geometry types shared by the pure PDF stages. Coordinates are PDF user space flipped to a
 * top-left origin (via the page viewport), in points.
 */

/** One pdf.js TextItem as it arrives from getTextContent (the subset we read). */
export interface RawTextItem {
  str: string;
  /** Text-space → user-space matrix [a, b, c, d, e, f]. */
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL?: boolean;
}

/** What we know about a font from page.commonObjs (its real PostScript name). */
export interface FontInfo {
  name: string;
  bold: boolean;
  /** Ascent/descent as fractions of the font size (textContent.styles). */
  ascent: number;
  descent: number;
}

/** A horizontal run of text with uniform style: a TextItem placed on the page. */
export interface Run {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  fontSize: number;
  bold: boolean;
  /** The item carried a dot leader (table-of-contents entry). */
  leader: boolean;
}

/** Runs of one line that sit closer than a column gap. */
export interface Segment {
  runs: Run[];
  text: string;
  x0: number;
  x1: number;
}

/** One visual line: runs sharing a baseline, split into segments at column-sized gaps. */
export interface Line {
  runs: Run[];
  segments: Segment[];
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  fontSize: number;
  bold: boolean;
  /** The line carried a dot leader (table of contents entry). */
  leader: boolean;
  /** Superscript footnote markers lifted off the line. */
  footnotes: string[];
}

/** An axis-aligned rule: a stroked line or a thin filled rectangle. */
export interface Rule {
  /** 'h': y fixed, spans a..b in x. 'v': x fixed, spans a..b in y. */
  dir: 'h' | 'v';
  pos: number;
  a: number;
  b: number;
}

/** A filled rectangle that is not a rule (cell or row shading). */
export interface FillRect {
  l: number;
  t: number;
  r: number;
  b: number;
}
