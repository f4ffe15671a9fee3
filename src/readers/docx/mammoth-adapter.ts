/**
 * The only module that knows mammoth's internals. Pinned to mammoth 1.13.0: re-check every
 * `require('mammoth/lib/...')` below and the node shapes in `toElement` when upgrading.
 *
 * Internals used, none of them in mammoth's public typings:
 * - `lib/docx/docx-reader.js` `read(docxFile)`: the document tree (`lib/documents.js`) plus
 *   mammoth's messages, without the HTML conversion (whose "Unrecognised paragraph style"
 *   messages are about the HTML style map, not the file). The public route to the same tree is
 *   `convertToHtml(input, {transformDocument})`.
 * - the `docxFile` duck type `{exists(name), read(name, encoding)}` that `lib/unzip.js` accepts
 *   as `{file}`: we hand mammoth our guarded ZIP reader instead of letting JSZip inflate
 *   entries without limits.
 * - `lib/docx/office-xml-reader.js` `read(xml)` and `lib/xml` `readString(xml, namespaces)`
 *   for the style facts and the core properties mammoth does not expose (outline level, style
 *   font size and bold, docProps/core.xml title).
 *
 * Everything returned is translated into the plain types declared here, so the rest of the
 * reader never sees a mammoth object.
 */
import { createRequire } from 'node:module';
import type { ZipArchive } from './zip.js';

const require = createRequire(import.meta.url);

export const MAMMOTH_VERSION = '1.13.0';

// ---------------------------------------------------------------------------------------------
// The tree handed to read-docx.ts

export type DocxElement =
  | DocxParagraph
  | DocxRun
  | DocxText
  | DocxTab
  | DocxBreak
  | DocxHyperlink
  | DocxNoteReference
  | DocxImage
  | DocxCheckbox
  | DocxTable
  | DocxTableRow
  | DocxTableCell
  | DocxOther;

export interface DocxParagraph {
  readonly type: 'paragraph';
  readonly children: DocxElement[];
  readonly styleId: string | null;
  readonly styleName: string | null;
  /** Word list numbering: level is 0-based (w:ilvl); ordered unless the level's format is bullet. */
  readonly numbering: { readonly level: number; readonly isOrdered: boolean } | null;
  readonly alignment: string | null;
}
export interface DocxRun {
  readonly type: 'run';
  readonly children: DocxElement[];
  readonly styleId: string | null;
  /** Direct w:b only; style-inherited bold is in `DocxStyles`. */
  readonly isBold: boolean;
  readonly verticalAlignment: 'baseline' | 'superscript' | 'subscript';
  /** Direct w:sz in points; null when inherited. */
  readonly fontSize: number | null;
}
export interface DocxText {
  readonly type: 'text';
  readonly value: string;
}
export interface DocxTab {
  readonly type: 'tab';
}
export interface DocxBreak {
  readonly type: 'break';
  readonly breakType: 'line' | 'page' | 'column';
}
export interface DocxHyperlink {
  readonly type: 'hyperlink';
  readonly children: DocxElement[];
  readonly href: string | null;
}
export interface DocxNoteReference {
  readonly type: 'noteReference';
  readonly noteType: 'footnote' | 'endnote';
  readonly noteId: string;
}
export interface DocxImage {
  readonly type: 'image';
  readonly altText: string | null;
  readonly contentType: string | null;
}
export interface DocxCheckbox {
  readonly type: 'checkbox';
  readonly checked: boolean;
}
export interface DocxTable {
  readonly type: 'table';
  readonly children: DocxElement[];
  readonly styleName: string | null;
}
export interface DocxTableRow {
  readonly type: 'tableRow';
  readonly children: DocxElement[];
  /** w:trPr/w:tblHeader: the row repeats as a header on each page. */
  readonly isHeader: boolean;
}
export interface DocxTableCell {
  readonly type: 'tableCell';
  readonly children: DocxElement[];
  /** w:gridSpan. */
  readonly colSpan: number;
  /** Counted by mammoth from w:vMerge restart/continue; continued cells are removed. */
  readonly rowSpan: number;
}
/** Bookmarks, comment references and anything a newer mammoth adds. */
export interface DocxOther {
  readonly type: 'other';
  readonly mammothType: string;
  readonly children: DocxElement[];
}

/** Facts about a paragraph or character style, resolved along its w:basedOn chain. */
export interface DocxStyle {
  readonly id: string;
  readonly type: 'paragraph' | 'character' | 'table' | 'numbering' | string;
  readonly name: string | null;
  /** w:pPr/w:outlineLvl, 0-based; 9 means body text. */
  readonly outlineLevel: number | null;
  /** w:rPr/w:sz in points. */
  readonly fontSize: number | null;
  /** w:rPr/w:b; null when no style in the chain says. */
  readonly bold: boolean | null;
  /** w:pPr/w:numPr: the list a paragraph of this style is numbered in, and its 0-based level. */
  readonly numId: string | null;
  readonly numLevel: number | null;
}

/** One level of a w:abstractNum: how its number is formatted (17.9.6–17.9.11). */
export interface DocxNumberingLevel {
  readonly start: number;
  /** w:numFmt: decimal, lowerLetter, upperRoman, bullet, none, … */
  readonly format: string;
  /** w:lvlText, e.g. "%1.%2" */
  readonly text: string;
}

export interface DocxNumbering {
  /** w:num/@w:numId → its abstract levels (by 0-based level), start overrides applied. */
  readonly byNumId: ReadonlyMap<string, { readonly abstractId: string; readonly levels: ReadonlyMap<number, DocxNumberingLevel> }>;
}

export interface DocxStyles {
  readonly byId: ReadonlyMap<string, DocxStyle>;
  /** w:docDefaults/w:rPrDefault size in points, else Word's 10 pt default (17.7.2 / 17.3.2.38). */
  readonly defaultFontSize: number | null;
  /** The paragraph style with w:default="1" ("Normal"): what a paragraph without w:pStyle uses. */
  readonly defaultParagraphStyleId: string | null;
}

export interface MammothMessage {
  readonly type: 'warning' | 'error';
  readonly message: string;
}

export interface DocxTree {
  readonly body: DocxElement[];
  readonly styles: DocxStyles;
  readonly numbering: DocxNumbering;
  /** docProps/core.xml dc:title. */
  readonly metaTitle: string | null;
  readonly messages: MammothMessage[];
}

// ---------------------------------------------------------------------------------------------
// mammoth's internal modules (CommonJS, untyped)

interface MammothXmlElement {
  readonly type: 'element' | 'text';
  readonly name: string;
  readonly value?: string;
  readonly attributes: Record<string, string | undefined>;
  readonly children: MammothXmlElement[];
}

interface MammothFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
}

interface MammothResult<T> {
  readonly value: T;
  readonly messages: { type: string; message: string; error?: unknown }[];
}

interface MammothDocxReader {
  read(file: MammothFile): Promise<MammothResult<MammothNode>>;
  _findPartPaths(file: MammothFile): Promise<{ mainDocument: string; styles: string; numbering: string }>;
}

type MammothNode = Record<string, unknown> & { type: string; children?: MammothNode[] };

const docxReader = require('mammoth/lib/docx/docx-reader.js') as MammothDocxReader;
const officeXmlReader = require('mammoth/lib/docx/office-xml-reader.js') as {
  read(xml: string): Promise<MammothXmlElement>;
};
const xmlReader = require('mammoth/lib/xml/index.js') as {
  readString(xml: string, namespaces: Record<string, string>): Promise<MammothXmlElement>;
};

// ---------------------------------------------------------------------------------------------

/** Errors mammoth throws for a missing main part (docx-reader.js findPartPaths). */
export const MISSING_MAIN_DOCUMENT = /Could not find main document part/;

export async function loadDocx(zip: ZipArchive): Promise<DocxTree> {
  const file = mammothFile(zip);
  const parts = await docxReader._findPartPaths(file);
  const result = await docxReader.read(file);
  const document = result.value;
  return {
    body: (document.children ?? []).map(toElement),
    styles: await readStyles(file, parts.styles),
    numbering: await readNumbering(file, parts.numbering),
    metaTitle: await readCoreTitle(file),
    messages: result.messages.map((m) => ({
      type: m.type === 'error' ? 'error' : 'warning',
      message: m.message ?? String(m.error),
    })),
  };
}

function mammothFile(zip: ZipArchive): MammothFile {
  return {
    exists: (name) => zip.has(name),
    async read(name, encoding) {
      const bytes = zip.read(name);
      if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
      if (encoding) return new TextDecoder(encoding).decode(bytes);
      return bytes;
    },
  };
}

function toElement(node: MammothNode): DocxElement {
  const children = () => (node.children ?? []).map(toElement);
  const str = (key: string): string | null => (typeof node[key] === 'string' ? (node[key] as string) : null);
  switch (node.type) {
    case 'paragraph': {
      const numbering = node.numbering as { level?: string | number; isOrdered?: boolean } | null;
      return {
        type: 'paragraph',
        children: children(),
        styleId: str('styleId'),
        styleName: str('styleName'),
        numbering: numbering
          ? { level: Number(numbering.level ?? 0) || 0, isOrdered: numbering.isOrdered !== false }
          : null,
        alignment: str('alignment'),
      };
    }
    case 'run': {
      const va = node.verticalAlignment;
      return {
        type: 'run',
        children: children(),
        styleId: str('styleId'),
        isBold: node.isBold === true,
        verticalAlignment: va === 'superscript' || va === 'subscript' ? va : 'baseline',
        fontSize: typeof node.fontSize === 'number' ? node.fontSize : null,
      };
    }
    case 'text':
      return { type: 'text', value: str('value') ?? '' };
    case 'tab':
      return { type: 'tab' };
    case 'break': {
      const bt = node.breakType;
      return { type: 'break', breakType: bt === 'page' || bt === 'column' ? bt : 'line' };
    }
    case 'hyperlink':
      return { type: 'hyperlink', children: children(), href: str('href') };
    case 'noteReference':
      return {
        type: 'noteReference',
        noteType: node.noteType === 'endnote' ? 'endnote' : 'footnote',
        noteId: String(node.noteId ?? ''),
      };
    case 'image':
      return { type: 'image', altText: str('altText'), contentType: str('contentType') };
    case 'checkbox':
      return { type: 'checkbox', checked: node.checked === true };
    case 'table':
      return { type: 'table', children: children(), styleName: str('styleName') };
    case 'tableRow':
      return { type: 'tableRow', children: children(), isHeader: node.isHeader === true };
    case 'tableCell':
      return {
        type: 'tableCell',
        children: children(),
        colSpan: positiveInt(node.colSpan),
        rowSpan: positiveInt(node.rowSpan),
      };
    default:
      return { type: 'other', mammothType: node.type, children: children() };
  }
}

function positiveInt(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

// ---------------------------------------------------------------------------------------------
// styles.xml facts mammoth does not keep

interface RawStyle {
  id: string;
  type: string;
  name: string | null;
  basedOn: string | null;
  outlineLevel: number | null;
  fontSize: number | null;
  bold: boolean | null;
  numId: string | null;
  numLevel: number | null;
}

const EMPTY_STYLES: DocxStyles = { byId: new Map(), defaultFontSize: null, defaultParagraphStyleId: null };

async function readStyles(file: MammothFile, path: string): Promise<DocxStyles> {
  if (!file.exists(path)) return EMPTY_STYLES;
  const root = await officeXmlReader.read(stripBom((await file.read(path, 'utf-8')) as string));
  if (!root || root.type !== 'element') return EMPTY_STYLES;

  const raw = new Map<string, RawStyle>();
  let defaultParagraphStyleId: string | null = null;
  for (const el of root.children) {
    if (el.name !== 'w:style') continue;
    const id = el.attributes['w:styleId'];
    if (!id) continue;
    const isDefault = el.attributes['w:default'];
    if (el.attributes['w:type'] === 'paragraph' && (isDefault === '1' || isDefault === 'true') && defaultParagraphStyleId === null) {
      defaultParagraphStyleId = id;
    }
    const pPr = first(el, 'w:pPr');
    const rPr = first(el, 'w:rPr');
    raw.set(id, {
      id,
      type: el.attributes['w:type'] ?? 'paragraph',
      name: first(el, 'w:name')?.attributes['w:val'] ?? null,
      basedOn: first(el, 'w:basedOn')?.attributes['w:val'] ?? null,
      outlineLevel: intAttr(pPr && first(pPr, 'w:outlineLvl')),
      fontSize: halfPoints(rPr && first(rPr, 'w:sz')),
      bold: booleanElement(rPr && first(rPr, 'w:b')),
      numId: first(first(pPr, 'w:numPr'), 'w:numId')?.attributes['w:val'] ?? null,
      numLevel: intAttr(first(first(pPr, 'w:numPr'), 'w:ilvl')),
    });
  }

  const resolved = new Map<string, DocxStyle>();
  for (const style of raw.values()) {
    const chain: RawStyle[] = [];
    for (let s: RawStyle | undefined = style; s && !chain.includes(s); s = s.basedOn ? raw.get(s.basedOn) : undefined) {
      chain.push(s);
    }
    const pick = <K extends 'outlineLevel' | 'fontSize' | 'bold' | 'numId' | 'numLevel'>(key: K): RawStyle[K] =>
      chain.find((s) => s[key] !== null)?.[key] ?? null;
    resolved.set(style.id, {
      id: style.id,
      type: style.type,
      name: style.name,
      outlineLevel: pick('outlineLevel'),
      fontSize: pick('fontSize'),
      bold: pick('bold'),
      numId: pick('numId'),
      numLevel: pick('numLevel'),
    });
  }

  const rPrDefault = first(first(first(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
  return { byId: resolved, defaultFontSize: halfPoints(first(rPrDefault, 'w:sz')) ?? 10, defaultParagraphStyleId };
}

// ---------------------------------------------------------------------------------------------
// numbering.xml: mammoth keeps only "ordered or not" per level, not the format needed to
// print a number. numStyleLink indirection is not followed.

const EMPTY_NUMBERING: DocxNumbering = { byNumId: new Map() };

async function readNumbering(file: MammothFile, path: string): Promise<DocxNumbering> {
  if (!file.exists(path)) return EMPTY_NUMBERING;
  const root = await officeXmlReader.read(stripBom((await file.read(path, 'utf-8')) as string));
  if (!root || root.type !== 'element') return EMPTY_NUMBERING;
  const abstracts = new Map<string, Map<number, DocxNumberingLevel>>();
  for (const el of root.children) {
    if (el.name !== 'w:abstractNum') continue;
    const levels = new Map<number, DocxNumberingLevel>();
    for (const lvl of el.children) {
      if (lvl.name !== 'w:lvl') continue;
      const ilvl = Number(lvl.attributes['w:ilvl'] ?? '0');
      levels.set(ilvl, {
        start: intAttr(first(lvl, 'w:start')) ?? 0,
        format: first(lvl, 'w:numFmt')?.attributes['w:val'] ?? 'decimal',
        text: first(lvl, 'w:lvlText')?.attributes['w:val'] ?? '',
      });
    }
    abstracts.set(el.attributes['w:abstractNumId'] ?? '', levels);
  }
  const byNumId = new Map<string, { abstractId: string; levels: Map<number, DocxNumberingLevel> }>();
  for (const el of root.children) {
    if (el.name !== 'w:num') continue;
    const abstractId = first(el, 'w:abstractNumId')?.attributes['w:val'] ?? '';
    const levels = new Map(abstracts.get(abstractId) ?? []);
    for (const override of el.children) {
      if (override.name !== 'w:lvlOverride') continue;
      const ilvl = Number(override.attributes['w:ilvl'] ?? '0');
      const start = intAttr(first(override, 'w:startOverride'));
      const base = levels.get(ilvl);
      if (base && start !== null) levels.set(ilvl, { ...base, start });
    }
    byNumId.set(el.attributes['w:numId'] ?? '', { abstractId, levels });
  }
  return { byNumId };
}

function first(el: MammothXmlElement | null | undefined, name: string): MammothXmlElement | null {
  return el?.children.find((c) => c.name === name) ?? null;
}

function intAttr(el: MammothXmlElement | null): number | null {
  const v = el?.attributes['w:val'];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : null;
}

/** w:sz gives the font size in half points. */
function halfPoints(el: MammothXmlElement | null): number | null {
  const n = intAttr(el);
  return n === null ? null : n / 2;
}

/** An on/off property (17.17.4 ST_OnOff): present means on unless w:val is false/0/off. */
function booleanElement(el: MammothXmlElement | null): boolean | null {
  if (!el) return null;
  const v = el.attributes['w:val'];
  return !(v === 'false' || v === '0' || v === 'off');
}

// ---------------------------------------------------------------------------------------------
// docProps/core.xml

const CORE_NAMESPACES = {
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
};

async function readCoreTitle(file: MammothFile): Promise<string | null> {
  const path = 'docProps/core.xml';
  if (!file.exists(path)) return null;
  try {
    const root = await xmlReader.readString(stripBom((await file.read(path, 'utf-8')) as string), CORE_NAMESPACES);
    const title = first(root, 'dc:title');
    const text = (title?.children ?? [])
      .map((c) => (c.type === 'text' ? (c.value ?? '') : ''))
      .join('')
      .trim();
    return text === '' ? null : text;
  } catch {
    // Metadata is optional; a damaged core.xml must not stop the body from being read.
    return null;
  }
}

function stripBom(s: string): string {
  return s.replace(/^\uFEFF/, '');
}
