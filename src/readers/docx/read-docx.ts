/**
 * DOCX → SourceDoc. Facts only: paragraph text, Word style name, declared heading level,
 * bold, font size, footnote markers; Word tables with their declared spans and repeat-header
 * rows. Pages are unknown in a .docx (Word lays them out when it renders), so `page` and
 * `line` are null throughout.
 *
 * Shaped like mammoth's body-reader.js: one `read<Thing>` function per element type, a handler
 * map plus an ignore list, and a warning for anything unknown.
 */
import { UnreadableInputError, warning, type Diagnostic } from '../../model/diagnostic.js';
import { ok, type Result } from '../../model/result.js';
import {
  lineBlock,
  sourceCell,
  type Block,
  type LineBlock,
  type SourceCell,
  type SourceDoc,
  type TableBlock,
} from '../../model/source-doc.js';
import {
  loadDocx,
  MISSING_MAIN_DOCUMENT,
  type DocxElement,
  type DocxNumbering,
  type DocxParagraph,
  type DocxStyle,
  type DocxStyles,
  type DocxTable,
  type DocxTableCell,
  type MammothMessage,
} from './mammoth-adapter.js';
import { sniff } from './sniff.js';
import { DEFAULT_ZIP_LIMITS, openZip, type ZipArchive, type ZipLimits } from './zip.js';
import { toSuperscript } from '../superscript.js';

export interface ReadDocxOptions {
  /** Unpacking limits against ZIP bombs; defaults to DEFAULT_ZIP_LIMITS (200 MB per entry). */
  readonly limits?: Partial<ZipLimits>;
}

export async function readDocx(bytes: Uint8Array, options: ReadDocxOptions = {}): Promise<Result<SourceDoc>> {
  const zip = openPackage(bytes, { ...DEFAULT_ZIP_LIMITS, ...options.limits });
  let tree;
  try {
    tree = await loadDocx(zip);
  } catch (cause) {
    if (cause instanceof UnreadableInputError) throw cause;
    const message = cause instanceof Error ? cause.message : String(cause);
    if (MISSING_MAIN_DOCUMENT.test(message)) throw noDocument(cause);
    throw new UnreadableInputError(
      'docx:corrupt',
      `The Word document is damaged and could not be read (${firstLine(message)}); try opening it in Word and saving it again.`,
      { cause },
    );
  }

  const context = new ReadContext(tree.styles, tree.numbering);
  for (const element of tree.body) readBlock(element, context);
  context.finish();

  const doc: SourceDoc = {
    format: 'docx',
    pageCount: null,
    pages: [],
    ocr: false,
    metaTitle: tree.metaTitle,
    blocks: context.blocks,
  };
  return ok(doc, [...mammothDiagnostics(tree.messages), ...context.diagnostics]);
}

// ---------------------------------------------------------------------------------------------
// Refusing what is not a .docx

function openPackage(bytes: Uint8Array, limits: ZipLimits): ZipArchive {
  const kind = sniff(bytes);
  switch (kind.kind) {
    case 'empty':
      throw new UnreadableInputError('docx:empty', 'The file is empty (0 bytes); there is no Word document to read.');
    case 'ole2':
      if (kind.streams.includes('EncryptedPackage') || kind.streams.includes('EncryptionInfo')) {
        throw new UnreadableInputError(
          'docx:encrypted',
          'This Word document is password-protected (encrypted); open it in Word, remove the password and save it again.',
        );
      }
      if (kind.streams.includes('WordDocument')) {
        throw new UnreadableInputError(
          'docx:legacy-doc',
          'This is a Word 97-2003 .doc file; save it as .docx (Word: File > Save As > Word Document) and try again.',
        );
      }
      throw new UnreadableInputError(
        'docx:legacy-doc',
        'This is an old-style Office file (OLE2 compound document), not a Word .docx; save it as .docx and try again.',
      );
    case 'unknown':
      throw new UnreadableInputError(
        'docx:not-zip',
        `This file is not a Word .docx document${kind.looksLike ? ` (it looks like ${kind.looksLike})` : ''}; a .docx file is a ZIP package.`,
      );
    case 'zip':
      break;
  }
  const zip = openZip(bytes, limits);
  if (!zip.has('word/document.xml') && !zip.has('[Content_Types].xml')) throw noDocument();
  return zip;
}

/** xmldom's messages run over several lines and repeat "error:" prefixes. */
function firstLine(message: string): string {
  const line = message.split('\n')[0].replace(/^(?:error:\s*)+/i, '').replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

function noDocument(cause?: unknown): UnreadableInputError {
  return new UnreadableInputError(
    'docx:no-document',
    'This ZIP file has no Word document part (word/document.xml); it is not a .docx file, or it is damaged.',
    { cause },
  );
}

// ---------------------------------------------------------------------------------------------
// Reading state

class ReadContext {
  readonly blocks: Block[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Empty paragraphs since the last block: the DOCX analogue of blank lines. */
  gap = 0;
  footnoteCount = 0;
  endnoteCount = 0;
  images = 0;
  private readonly warned = new Map<string, number>();
  /** Word list counters per w:numId, by 0-based level. */
  private readonly counters = new Map<string, number[]>();

  constructor(
    readonly styles: DocxStyles,
    readonly numbering: DocxNumbering,
  ) {}

  /**
   * Advance the list counter of a paragraph numbered through its style and return the number
   * Word prints ("2.1"); null when the number cannot be derived or is a bullet. Direct
   * paragraph numbering (w:numPr on the paragraph) is not visible through mammoth.
   */
  listNumber(paragraph: DocxParagraph, style: DocxStyle | undefined): string | null {
    if (!style?.numId) return null;
    const list = this.numbering.byNumId.get(style.numId);
    if (!list) return null;
    const level = paragraph.numbering?.level ?? style.numLevel ?? 0;
    const counts = this.counters.get(style.numId) ?? [];
    this.counters.set(style.numId, counts);
    counts[level] = counts[level] === undefined ? (list.levels.get(level)?.start ?? 1) : counts[level] + 1;
    counts.length = level + 1;
    const own = list.levels.get(level);
    if (!own || own.format === 'bullet' || own.format === 'none') return null;
    const text = own.text.replace(/%([1-9])/g, (_m, k: string) => {
      const l = Number(k) - 1;
      const def = list.levels.get(l);
      return formatListNumber(counts[l] ?? def?.start ?? 1, def?.format ?? 'decimal');
    });
    return text.trim() === '' ? null : text.trim();
  }

  style(id: string | null): DocxStyle | undefined {
    return id === null ? undefined : this.styles.byId.get(id);
  }

  /** A paragraph's style; without w:pStyle, the document's default paragraph style. */
  paragraphStyle(paragraph: DocxParagraph): DocxStyle | undefined {
    return this.style(paragraph.styleId ?? this.styles.defaultParagraphStyleId);
  }

  /** One warning per code and message; repeats are counted into the first. */
  warn(code: string, message: string): void {
    const key = `${code}\u0000${message}`;
    this.warned.set(key, (this.warned.get(key) ?? 0) + 1);
  }

  finish(): void {
    for (const [key, count] of this.warned) {
      const [code, message] = key.split('\u0000') as [string, string];
      this.diagnostics.push(warning(code, count > 1 ? `${message} (${count} times)` : message));
    }
    if (this.images > 0) {
      this.diagnostics.push({
        code: 'docx:image-skipped',
        message: `${this.images} image${this.images === 1 ? ' was' : 's were'} skipped; text or tables inside images are not read.`,
        severity: 'info',
        page: null,
        line: null,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Body level: paragraphs and tables

type BlockReader = (element: DocxElement, context: ReadContext) => void;

const blockReaders: Partial<Record<DocxElement['type'], BlockReader>> = {
  paragraph: (el, ctx) => readParagraph(el as DocxParagraph, ctx),
  table: (el, ctx) => readTable(el as DocxTable, ctx),
};

/** Body-level elements that carry no text of their own. */
const ignoredBlocks = new Set<string>(['bookmarkStart', 'commentReference']);

function readBlock(element: DocxElement, context: ReadContext): void {
  const reader = blockReaders[element.type];
  if (reader) return reader(element, context);
  const name = element.type === 'other' ? element.mammothType : element.type;
  if (ignoredBlocks.has(name)) return;
  context.warn('docx:unknown-element', `An unexpected ${name} element at body level was ignored`);
}

/** Heading styles by name or id: Word's built-in "heading N", Swedish Word's "Rubrik N". */
const HEADING_STYLE = /^(?:heading|rubrik)\s*([1-9])$/i;
/** w:outlineLvl 9 means body text (17.3.1.20). */
const BODY_TEXT_OUTLINE_LEVEL = 9;

function readParagraph(paragraph: DocxParagraph, context: ReadContext): void {
  const inline = readInline(paragraph, context, { markers: true, lineBreak: '\n', tab: '\t' });
  const style = context.paragraphStyle(paragraph);
  // Word numbers empty list paragraphs too, so the counter advances before they are skipped.
  const number = context.listNumber(paragraph, style);
  if (inline.text.trim() === '' && inline.footnotes.length === 0) {
    context.gap++;
    return;
  }
  const level = declaredLevel(paragraph, style);
  const block: LineBlock = lineBlock({
    // A heading's list number is printed by Word but absent from the runs; put it back.
    text: number !== null && level !== null ? `${number} ${inline.text}` : inline.text,
    fontSize: inline.fontSize,
    bold: inline.bold,
    declaredLevel: level,
    styleName: paragraph.styleName ?? style?.name ?? paragraph.styleId,
    gapBefore: context.gap,
    footnotes: inline.footnotes,
  });
  context.blocks.push(block);
  context.gap = 0;
}

function declaredLevel(paragraph: DocxParagraph, style: DocxStyle | undefined): number | null {
  for (const name of [paragraph.styleName, paragraph.styleId]) {
    const m = name ? HEADING_STYLE.exec(name.trim()) : null;
    if (m) return Number(m[1]);
  }
  const outline = style?.outlineLevel;
  if (outline !== null && outline !== undefined && outline < BODY_TEXT_OUTLINE_LEVEL) return outline + 1;
  return null;
}

function readTable(table: DocxTable, context: ReadContext): void {
  const rows: SourceCell[][] = [];
  let headerRows = 0;
  let inHeader = true;
  for (const row of table.children) {
    if (row.type !== 'tableRow') {
      context.warn('docx:table-structure', `An unexpected ${describe(row)} element directly inside a table was ignored`);
      continue;
    }
    if (inHeader && row.isHeader) headerRows++;
    else inHeader = false;
    const cells: SourceCell[] = [];
    for (const cell of row.children) {
      if (cell.type !== 'tableCell') {
        context.warn('docx:table-structure', `An unexpected ${describe(cell)} element directly inside a table row was ignored`);
        continue;
      }
      cells.push(readTableCell(cell, context));
    }
    rows.push(cells);
  }
  if (rows.length === 0) {
    context.warn('docx:empty-table', 'A table without rows was ignored');
    return;
  }
  const block: TableBlock = {
    kind: 'table',
    rows,
    page: null,
    pageEnd: null,
    line: null,
    bbox: null,
    declaredHeaderRows: headerRows > 0 ? headerRows : null,
    origin: 'docx',
  };
  context.blocks.push(block);
  context.gap = 0;
}

/**
 * A cell's text is its paragraphs joined with a space. Superscripts stay in the text here
 * (SourceCell has no footnotes field). A nested table is flattened into the cell's text.
 */
function readTableCell(cell: DocxTableCell, context: ReadContext): SourceCell {
  const parts: string[] = [];
  let bold = true;
  let hasText = false;
  const visit = (elements: DocxElement[]) => {
    for (const el of elements) {
      if (el.type === 'paragraph') {
        const inline = readInline(el, context, { markers: false, lineBreak: ' ', tab: ' ' });
        const text = inline.text.trim();
        if (text === '') continue;
        parts.push(text);
        hasText = true;
        bold &&= inline.bold;
      } else if (el.type === 'table') {
        context.warn('docx:nested-table', 'A table inside a table cell was flattened into the cell text');
        for (const row of el.children) {
          for (const inner of row.type === 'tableRow' ? row.children : []) {
            if (inner.type === 'tableCell') visit(inner.children);
          }
        }
      } else if ('children' in el) {
        visit(el.children);
      }
    }
  };
  visit(cell.children);
  return sourceCell(parts.join(' '), { colSpan: cell.colSpan, rowSpan: cell.rowSpan, bold: hasText && bold });
}

// ---------------------------------------------------------------------------------------------
// Inline content: runs, text, tabs, breaks, hyperlinks, note references

interface InlineOptions {
  /** Take footnote references and superscript markers out of the text. */
  readonly markers: boolean;
  readonly lineBreak: string;
  readonly tab: string;
}

interface Inline {
  readonly text: string;
  /** Every character that is not whitespace is bold. */
  readonly bold: boolean;
  /** Size covering the most non-whitespace characters. */
  readonly fontSize: number | null;
  readonly footnotes: string[];
}

interface RunFacts {
  readonly bold: boolean;
  readonly superscript: boolean;
  readonly fontSize: number | null;
}

/** A superscript run that is a note marker: "1", "12", "*", "†", "1,2", "3)". */
const FOOTNOTE_MARKER = /^[\d*†‡§]+(?:[,–-][\d*†‡§]+)*\)?$/;

function readInline(paragraph: DocxParagraph, context: ReadContext, options: InlineOptions): Inline {
  const style = context.paragraphStyle(paragraph);
  const base: RunFacts = {
    bold: style?.bold === true,
    superscript: false,
    fontSize: style?.fontSize ?? context.styles.defaultFontSize,
  };
  let text = '';
  const footnotes: string[] = [];
  const sizes = new Map<number, number>();
  let boldChars = 0;
  let chars = 0;

  const emit = (value: string, facts: RunFacts) => {
    if (facts.superscript && FOOTNOTE_MARKER.test(value.trim())) {
      if (options.markers) {
        footnotes.push(value.trim());
        return;
      }
      // In cells the marker stays visible, as printed, but as superscript characters so a
      // label's "barn³" is not read as the digits of "barn3" (the text reader does the same).
      value = toSuperscript(value);
    }
    text += value;
    const visible = value.replace(/\s/g, '').length;
    chars += visible;
    if (facts.bold) boldChars += visible;
    if (facts.fontSize !== null && visible > 0) sizes.set(facts.fontSize, (sizes.get(facts.fontSize) ?? 0) + visible);
  };

  const inlineReaders: Partial<Record<DocxElement['type'], (el: DocxElement, facts: RunFacts) => void>> = {
    run: (el, facts) => {
      if (el.type !== 'run') return;
      const charStyle = context.style(el.styleId);
      visit(el.children, {
        bold: el.isBold || charStyle?.bold === true || facts.bold,
        superscript: el.verticalAlignment === 'superscript',
        fontSize: el.fontSize ?? charStyle?.fontSize ?? facts.fontSize,
      });
    },
    text: (el, facts) => el.type === 'text' && emit(el.value, facts),
    tab: (_el, facts) => emit(options.tab, facts),
    break: (el, facts) => el.type === 'break' && el.breakType === 'line' && emit(options.lineBreak, facts),
    checkbox: (el, facts) => el.type === 'checkbox' && emit(el.checked ? '☒' : '☐', facts),
    hyperlink: (el, facts) => el.type === 'hyperlink' && visit(el.children, facts),
    noteReference: (el, facts) => {
      if (el.type !== 'noteReference') return;
      const marker = el.noteType === 'endnote' ? roman(++context.endnoteCount) : String(++context.footnoteCount);
      if (options.markers) footnotes.push(marker);
      else emit(marker, facts);
    },
    image: () => {
      context.images++;
    },
  };
  const ignoredInline = new Set<string>(['bookmarkStart', 'commentReference']);

  const visit = (elements: DocxElement[], facts: RunFacts) => {
    for (const el of elements) {
      const reader = inlineReaders[el.type];
      if (reader) {
        reader(el, facts);
        continue;
      }
      const name = el.type === 'other' ? el.mammothType : el.type;
      if (ignoredInline.has(name)) continue;
      context.warn('docx:unknown-element', `An unexpected ${name} element inside a paragraph was ignored`);
      if ('children' in el) visit(el.children, facts);
    }
  };
  visit(paragraph.children, base);

  let fontSize: number | null = null;
  let best = 0;
  for (const [size, count] of sizes) {
    if (count > best) [fontSize, best] = [size, count];
  }
  return { text, bold: chars > 0 && boldChars === chars, fontSize: fontSize ?? base.fontSize, footnotes };
}

/** ST_NumberFormat values a report heading plausibly uses (17.18.59); others print as decimal. */
function formatListNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

/** Word's letter numbering repeats the letter: a … z, aa … zz. */
function letters(n: number): string {
  if (n < 1) return String(n);
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const numerals: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [value, symbol] of numerals) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

function describe(el: DocxElement): string {
  return el.type === 'other' ? el.mammothType : el.type;
}

// ---------------------------------------------------------------------------------------------
// mammoth's own messages

/** mammoth message text → a stable code. Order matters: first match wins. */
const MAMMOTH_MESSAGE_CODES: [RegExp, string][] = [
  [/unrecognised element was ignored/i, 'docx:unrecognised-element'],
  [/style with ID .* was referenced but not defined/i, 'docx:undefined-style'],
  [/^Image of type/i, 'docx:image-type'],
  [/Could not find image file/i, 'docx:missing-image'],
  [/non-(?:row|cell) element in table/i, 'docx:table-structure'],
  [/Unsupported break type/i, 'docx:break-type'],
  [/complex field/i, 'docx:complex-field'],
  [/w:sym element/i, 'docx:symbol'],
  [/v:imagedata/i, 'docx:missing-image'],
];

function mammothDiagnostics(messages: MammothMessage[]): Diagnostic[] {
  const counts = new Map<string, { code: string; severity: 'warning' | 'error'; count: number }>();
  for (const m of messages) {
    const code = MAMMOTH_MESSAGE_CODES.find(([re]) => re.test(m.message))?.[1] ?? 'docx:mammoth';
    const seen = counts.get(m.message);
    if (seen) seen.count++;
    else counts.set(m.message, { code, severity: m.type, count: 1 });
  }
  return [...counts].map(([message, { code, severity, count }]) => ({
    code,
    message: count > 1 ? `${message} (${count} times)` : message,
    severity,
    page: null,
    line: null,
  }));
}
