/**
 * SourceDoc: the intermediate form every reader produces and every detector reads.
 *
 * A reader records *facts* about the file (text, position, font size, bold, Word style
 * name, drawn table grids), never decisions such as "this is a heading" or "this is a
 * budget table". Those belong to `detect/` and `classify/`.
 *
 * Blocks come in reading order. Two kinds:
 * - `line`: one visual line of text (PDF), one paragraph (DOCX) or one physical line (text).
 *   Text files keep tab-separated cells in `cells`; PDFs keep positioned `spans`.
 * - `table`: a grid the file itself declares (a Word table, a ruled grid drawn in a PDF).
 *
 * Coordinates: PDF user space flipped to a top-left origin, in points (`bbox` = l,t,r,b with
 * t < b). Positions are absent (null) on anything generated rather than read.
 */
import { z } from 'zod';

export const BBox = z.strictObject({
  l: z.number(),
  t: z.number(),
  r: z.number(),
  b: z.number(),
});
export type BBox = z.infer<typeof BBox>;

/** A run of text on one line with uniform style (PDF text items after joining). */
export const Span = z.strictObject({
  text: z.string(),
  x0: z.number(),
  x1: z.number(),
  fontSize: z.number(),
  bold: z.boolean(),
});
export type Span = z.infer<typeof Span>;

export const LineBlock = z.strictObject({
  kind: z.literal('line'),
  /** The line's text as printed, formatting markup removed, whitespace as in the source. */
  text: z.string(),
  /** Tab-separated cells (text sources only); null when the line has no tab. */
  cells: z.array(z.string()).nullable(),
  /** Positioned runs (PDF only); null elsewhere. */
  spans: z.array(Span).nullable(),
  /** 1-based page in a paginated source. */
  page: z.number().int().nullable(),
  /** 1-based line in a text source (first line of the paragraph for DOCX: null). */
  line: z.number().int().nullable(),
  bbox: BBox.nullable(),
  /** Dominant font size in points (PDF, DOCX when known). */
  fontSize: z.number().nullable(),
  /** Whole line set in bold (markdown **…**, <b>, Word bold run, bold PDF font). */
  bold: z.boolean(),
  /** Heading level the source itself declares: markdown '#' count, Word Heading N / outline level. */
  declaredLevel: z.number().int().nullable(),
  /** Word paragraph style name, when the source has one. */
  styleName: z.string().nullable(),
  /** Number of blank lines (text) or empty vertical space in body-line units (PDF) before this line. */
  gapBefore: z.number(),
  /** Footnote markers removed from the text (<sup>1</sup>, superscript digits). */
  footnotes: z.array(z.string()),
});
export type LineBlock = z.infer<typeof LineBlock>;

export const SourceCell = z.strictObject({
  text: z.string(),
  colSpan: z.number().int().min(1),
  rowSpan: z.number().int().min(1),
  bold: z.boolean(),
  bbox: BBox.nullable(),
});
export type SourceCell = z.infer<typeof SourceCell>;

export const TableBlock = z.strictObject({
  kind: z.literal('table'),
  /** Rows as declared; merged cells appear once with their spans (not yet expanded). */
  rows: z.array(z.array(SourceCell)),
  page: z.number().int().nullable(),
  /** Last page the table reaches (tables across a page break). */
  pageEnd: z.number().int().nullable(),
  line: z.number().int().nullable(),
  bbox: BBox.nullable(),
  /** Header rows the source declares (Word repeat-header flag); null when unknown. */
  declaredHeaderRows: z.number().int().nullable(),
  /** How the reader found the grid. */
  origin: z.enum(['docx', 'pdf-ruled', 'pdf-aligned', 'text-tabs', 'text-flat']),
});
export type TableBlock = z.infer<typeof TableBlock>;

export const Block = z.discriminatedUnion('kind', [LineBlock, TableBlock]);
export type Block = z.infer<typeof Block>;

export const SourceFormat = z.enum(['txt', 'md', 'pdf', 'docx']);
export type SourceFormat = z.infer<typeof SourceFormat>;

export const SourcePage = z.strictObject({
  number: z.number().int(),
  width: z.number(),
  height: z.number(),
  /** Printed page label found in the running footer/header ("Sida 3 av 20" → "3"). */
  label: z.string().nullable(),
  /** Characters in the text layer; 0 means the page needs OCR. */
  textChars: z.number().int(),
});
export type SourcePage = z.infer<typeof SourcePage>;

export const SourceDoc = z.strictObject({
  format: SourceFormat,
  pageCount: z.number().int().nullable(),
  pages: z.array(SourcePage),
  ocr: z.boolean(),
  /** Document title from file metadata (PDF Info /Title, DOCX core properties). */
  metaTitle: z.string().nullable(),
  blocks: z.array(Block),
});
export type SourceDoc = z.infer<typeof SourceDoc>;

/** Defaults for a line block, so readers only state the facts they have. */
export function lineBlock(fields: Partial<LineBlock> & { text: string }): LineBlock {
  return {
    kind: 'line',
    cells: null,
    spans: null,
    page: null,
    line: null,
    bbox: null,
    fontSize: null,
    bold: false,
    declaredLevel: null,
    styleName: null,
    gapBefore: 0,
    footnotes: [],
    ...fields,
  };
}

export function sourceCell(text: string, fields: Partial<SourceCell> = {}): SourceCell {
  return { text, colSpan: 1, rowSpan: 1, bold: false, bbox: null, ...fields };
}
