/**
 * Headings → section tree. Evidence, strongest first: a level the source declares (markdown
 * '#', Word heading style), a section number ("2.1 …"), a TOC entry with the same title,
 * a larger font (PDF), upper-case labels (STRATEGISKT MÅL, NYCKELTAL), goal headings
 * ("Kommunfullmäktiges prioriterade mål 4:"), and, in text without fonts, short isolated lines.
 */
import type { Block, LineBlock } from '../model/source-doc.js';
import type { Section } from '../model/document.js';
import { sectionId } from '../model/document.js';
import type { TocEntry } from './toc.js';
import { roundSize, type DocStats } from './stats.js';
import { normalizeSpace } from './cell-shape.js';

export interface HeadingCandidate {
  blockIndex: number;
  /**
   * structural: declared, numbered, TOC or larger font; label: upper-case or goal label;
   * short: a short isolated line (text without fonts); runin: a bold line at body size, which
   * titles an uppdrag or a paragraph but is not a section of its own.
   */
  kind: 'structural' | 'label' | 'short' | 'runin';
  level: number;
  number: string | null;
  title: string;
}

const MAX_HEADING_CHARS = 110;
const MAX_SHORT_LINE_CHARS = 70;
const MAX_SHORT_LINE_WORDS = 9;
/** A text line this long is body text; the title block ends at the first one. */
const BODY_LINE_CHARS = 120;

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\p{Lu}.*)$/u;
export const GOAL_HEADING = /^(kommunfullmäktiges\s+(prioriterade\s+)?mål|kommunstyrelsens\s+mål|fullmäktigemål|nämndmål|nämndens\s+mål|prioriterat\s+mål|strategiskt\s+mål(område)?)\b/i;
/** Labels and values that stand alone on a line but are not headings. */
export const NOT_HEADING = /^(bedömning|status|kommentar|motivering|analys|adressat|uppfyllt|delvis uppfyllt|ej uppfyllt|inte uppfyllt|i huvudsak uppfyllt|helt uppfyllt|påbörjad|färdig|pågår|klart|klar|ej påbörjad|ej klart|stoppad|försenad|väntar|avslutad|genomförd|ej genomförd)\s*:?$/i;

// Swedish has no casing rules of its own (Unicode's SpecialCasing tailors only Lithuanian,
// Turkish and Azeri), so the plain case mappings below are the Swedish ones: toLocale…Case('sv')
// gives the same strings but looks the locale up on every call, for every line.

export function isCapsLabel(text: string): boolean {
  const t = text.trim();
  // The cheap tests first: most lines fail them.
  if (t.length > 70 || !/\p{Lu}{3}/u.test(t)) return false;
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && t === t.toUpperCase();
}

/** A title as compared with TOC entries; `normalized` is text already through normalizeSpace. */
const normalizedKey = (normalized: string) => normalized.toLowerCase().replace(/[.:]+$/, '');
const key = (s: string) => normalizedKey(normalizeSpace(s));

export function detectHeadings(
  blocks: Block[], skip: Set<number>, toc: TocEntry[], stats: DocStats,
): HeadingCandidate[] {
  const tocByTitle = new Map(toc.map((e) => [key(e.title), e]));
  const titleEnd = titleBlockEnd(blocks, skip);
  // A source that declares heading levels (Word styles, markdown '#') is believed: font size
  // and bold then say nothing more about headings (Stratsys sets goal texts in bold).
  const declares = blocks.some((b) => b.kind === 'line' && b.declaredLevel !== null);
  if (declares) stats = { ...stats, largerSizes: [], bodyFontSize: null, declared: true };
  const out: HeadingCandidate[] = [];
  let context = 0; // level of the last structural (numbered/declared/TOC/font) heading
  let afterLabel: 'caps' | 'goal' | false = false;
  blocks.forEach((b, i) => {
    if (b.kind !== 'line' || b.cells || skip.has(i) || i < titleEnd) { afterLabel = false; return; }
    const h = classifyLine(b, i, blocks, tocByTitle, stats, context);
    const was = afterLabel;
    // The line under an upper-case label (PRIORITERAT MÅL, STRATEGISKT MÅL) is the label's
    // value, however large it is set, unless the source declares it a heading; under a goal
    // label ("Kommunstyrelsens mål 1:") a short plain line is the goal, not a heading.
    const isLabel = h?.kind === 'label' || h?.kind === 'runin';
    afterLabel = !isLabel ? false : isCapsLabel(h!.title) ? 'caps' : GOAL_HEADING.test(h!.title) ? 'goal' : false;
    if (!h) return;
    if (was === 'caps' && b.declaredLevel === null) return;
    if (was === 'goal' && h.kind === 'short') return;
    if (h.kind === 'structural') context = h.level;
    out.push({ blockIndex: i, kind: h.kind, level: h.level, number: h.number, title: h.title });
  });
  return out;
}

interface Classified { kind: HeadingCandidate['kind']; level: number; number: string | null; title: string }

function classifyLine(
  b: LineBlock, i: number, blocks: Block[], tocByTitle: Map<string, TocEntry>, stats: DocStats, context: number,
): Classified | null {
  const text = normalizeSpace(b.text);
  // A declared heading may be a long goal sentence; an undeclared one that long is body text.
  if (text === '' || (text.length > MAX_HEADING_CHARS && b.declaredLevel === null)) return null;
  // "Kommentar:" set larger than body text is a heading in Stratsys reports; at body size a label.
  if (NOT_HEADING.test(text) && b.declaredLevel === null && !isLargerFont(b, stats)) return null;
  const num = NUMBERED.exec(text);
  // num[2] is the end of the normalised text, so normalised too.
  const tocEntry = tocByTitle.size === 0 ? undefined : tocByTitle.get(normalizedKey(num ? num[2] : text));
  if (b.declaredLevel !== null) {
    return { kind: 'structural', level: b.declaredLevel, number: num?.[1] ?? null, title: num ? num[2] : text };
  }
  // A source that declares its headings is believed: other lines at most title a block.
  if (stats.declared) return isCapsLabel(text) || GOAL_HEADING.test(text) || b.bold ? { kind: 'runin', level: context + 1, number: null, title: text } : null;
  if (num && !/\.\s*$/.test(num[2]) && num[2].split(' ').length <= 14 && (tocEntry || tocByTitle.size === 0 || fontTier(b, stats) !== null)) {
    return { kind: 'structural', level: num[1].split('.').length, number: num[1], title: num[2] };
  }
  if (tocEntry) return { kind: 'structural', level: tocEntry.number ? tocEntry.number.split('.').length : 1, number: tocEntry.number, title: text };
  const tier = fontTier(b, stats);
  // A larger size is a heading tier (its text may end in a full stop: Mölndal's goal
  // headings do); a bold line at body size is only a run-in title.
  const larger = tier !== null && stats.largerSizes.includes(roundSize(b.fontSize ?? 0));
  if (larger && /\p{L}/u.test(text) && !/,$/.test(text)) {
    return { kind: isCapsLabel(text) ? 'label' : 'structural', level: tier, number: num?.[1] ?? null, title: num ? num[2] : text };
  }
  // With font facts, a label at body size introduces a block (Hjo's "Kommunfullmäktiges
  // prioriterade mål 4:" in bold body text) rather than opening a section.
  const labelKind = stats.bodyFontSize !== null ? 'runin' : 'label';
  if (isCapsLabel(text)) return { kind: stats.bodyFontSize !== null && !b.bold ? 'runin' : 'label', level: Math.min(context + 1, 4), number: null, title: text };
  if (GOAL_HEADING.test(text) && text.length <= 60) return { kind: labelKind, level: Math.min(context + 1, 4), number: null, title: text };
  // Bold body-size lines introduce what follows ("Aktivitetsplan 2016:", a goal's text,
  // an uppdrag's title): they title a block without opening a section.
  if (tier !== null && isWordy(text)) return { kind: 'runin', level: tier, number: null, title: text };
  if (stats.bodyFontSize === null && !stats.declared && isShortIsolated(b, blocks[i + 1])) {
    return { kind: 'short', level: Math.min(context + 1, 4), number: null, title: text };
  }
  return null;
}

/** Holds a letter and ends in no full stop or comma (not a sentence, not a line that goes on). */
function isWordy(text: string): boolean {
  return /\p{L}/u.test(text) && !/[.,]$/.test(text);
}

function isLargerFont(b: LineBlock, stats: DocStats): boolean {
  return b.fontSize !== null && stats.largerSizes.includes(roundSize(b.fontSize));
}

/** Heading tier from font size (1 = largest) or bold body-size line; null for body text. */
function fontTier(b: LineBlock, stats: DocStats): number | null {
  if (stats.bodyFontSize === null || stats.declared || b.fontSize === null) return null;
  const s = roundSize(b.fontSize);
  const k = stats.largerSizes.indexOf(s);
  if (k >= 0) return k + 1;
  if (b.bold && b.text.length <= MAX_SHORT_LINE_CHARS && s >= stats.bodyFontSize) return stats.largerSizes.length + 1;
  return null;
}

function isShortIsolated(b: LineBlock, next: Block | undefined): boolean {
  const t = b.text.trim();
  if (t.length > MAX_SHORT_LINE_CHARS || t.split(/\s+/).length > MAX_SHORT_LINE_WORDS) return false;
  if (!/^\p{Lu}/u.test(t) || /[.,;:!]$/.test(t) || /:\s/.test(t) || /\t/.test(t)) return false;
  if (/\d{3,}/.test(t.replace(/\b(19|20)\d{2}\b/g, ''))) return false;
  const isolatedAbove = b.gapBefore >= 1;
  const isolatedBelow = !next || next.kind === 'table' || next.gapBefore >= 1;
  return isolatedAbove && isolatedBelow;
}

/** The cover/title block: short lines before the first body paragraph, TOC or declared heading. */
function titleBlockEnd(blocks: Block[], skip: Set<number>): number {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (skip.has(i) || b.kind !== 'line') return i;
    if (b.declaredLevel !== null || NUMBERED.test(b.text.trim()) || b.text.length > BODY_LINE_CHARS) return i;
    if (i >= 12) return i; // a cover never holds more lines than this
  }
  return blocks.length;
}

/** Candidates → sections with parent links (a heading's parent is the nearest shallower one). */
export function buildSections(all: HeadingCandidate[], blocks: Block[]): Section[] {
  const stack: Section[] = [];
  const cands = sectionHeadings(all);
  return cands.map((c, k) => {
    while (stack.length > 0 && stack[stack.length - 1].level >= c.level) stack.pop();
    const b = blocks[c.blockIndex];
    const s: Section = {
      id: sectionId(k),
      parentId: stack[stack.length - 1]?.id ?? null,
      level: c.level,
      number: c.number,
      title: c.title,
      page: b.page,
      line: b.line,
    };
    stack.push(s);
    return s;
  });
}

/** The candidates that open sections (run-in titles do not). */
export function sectionHeadings(cands: HeadingCandidate[]): HeadingCandidate[] {
  return cands.filter((c) => c.kind !== 'runin');
}
