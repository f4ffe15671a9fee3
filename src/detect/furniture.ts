/**
 * Running headers and footers (pdf-to-markdown RemoveRepetitiveItems, docling ContentLayer):
 * lines in the top or bottom band of the page whose text, with digits masked, recurs at the
 * same height on several pages, and page-number lines anywhere in those bands. They are
 * removed from the blocks; the printed page number they carry becomes pages[i].label.
 */
import { ok, type Block, type LineBlock, type Result, type SourceDoc } from '../model/index.js';

/** The top and bottom bands, as shares of the page height, where furniture sits. */
export const FURNITURE_BAND_SHARE = 0.12;
/** Same height: within this share of the page height. */
export const FURNITURE_Y_TOLERANCE_SHARE = 0.015;
/** A masked text must recur on at least this many pages and this share of the text pages. */
export const FURNITURE_MIN_PAGES = 3;
export const FURNITURE_MIN_SHARE = 0.4;
/** Recurring over a stretch: on this share of the pages from its first to its last. */
export const FURNITURE_RUN_DENSITY = 0.75;

const PAGE_NUMBER_PATTERNS: RegExp[] = [
  /\b(?:sida|sid|page|s\.)\s*(\d+)\s*(?:\(|av\b|of\b|\/)\s*\d+\s*\)?\s*$/i,
  /\b(?:sida|sid|page)\s*(\d+)\s*$/i,
  /(?:^|\s)(\d+)\s*\(\s*\d+\s*\)\s*$/,
  /(?:^|\s)(\d+)\s*(?:av|of|\/)\s*\d+\s*$/i,
  /^\s*[-–]?\s*(\d+)\s*[-–]?\s*$/,
];

/** The printed page number in a header/footer line, or null. */
export function pageLabelOf(text: string): string | null {
  for (const re of PAGE_NUMBER_PATTERNS) {
    const m = re.exec(text);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * The text with its numbers masked and spaces left out, lower case, and without the number at
 * one end: a footer may move its page number from side to side on facing pages
 * ("Stadsrevisionens årsredogörelse 2024 5", "6 Stadsrevisionens årsredogörelse 2024"), so a
 * number that opens the line goes, else one that closes it.
 */
function mask(text: string): string {
  const t = text.trim();
  const bare = /^\d+\s/.test(t) ? t.replace(/^\d+/, '') : t.replace(/\d+$/, '');
  return bare.replace(/\d+/g, '#').replace(/\s+/g, '').toLowerCase();
}

/** A line that may be a running header or footer. */
export interface FurnitureCandidate {
  page: number;
  text: string;
  top: number;
  bottom: number;
  pageHeight: number;
}

/**
 * Indices of the candidates that are furniture, and the printed page label per page.
 * Works on any positioned lines, so the PDF reader can drop furniture before finding tables.
 */
export function findFurniture(
  cands: readonly FurnitureCandidate[],
  textPages: number,
): { furniture: Set<number>; labels: Map<number, string> } {
  const inBand: BandCand[] = [];
  cands.forEach((c, i) => {
    const at = bandOf(c, c.pageHeight);
    if (at) inBand.push({ i, page: c.page, key: mask(c.text), ...at });
  });
  const groups = new Map<string, BandCand[]>();
  for (const c of inBand) {
    const k = `${c.band}|${c.key}`;
    const list = groups.get(k) ?? [];
    list.push(c);
    groups.set(k, list);
  }
  const furniture = new Set<number>();
  // Page numbers read from how a group's numbers change from page to page, by candidate.
  const counted = new Map<number, string>();
  const need = Math.max(FURNITURE_MIN_PAGES, Math.ceil(FURNITURE_MIN_SHARE * textPages));
  const local: BandCand[][] = [];
  for (const list of groups.values()) {
    const near = atOneHeight(list);
    const pages = new Set(near.map((c) => c.page));
    if (pages.size >= need || (pages.size >= 2 && pages.size >= textPages)) {
      for (const c of near) furniture.add(c.i);
      for (const [i, label] of countingNumbers(near, cands)) counted.set(i, label);
    } else if (isLocalRun(pages)) local.push(near);
  }
  // A bare page-number line in a band is furniture even when it occurs once.
  for (const c of inBand) if (isPageNumberLine(cands[c.i]!.text)) furniture.add(c.i);
  for (const i of localFurniture(local, cands)) furniture.add(i);
  const labels = new Map<number, string>();
  for (const i of [...furniture].sort((a, b) => a - b)) {
    const c = cands[i]!;
    if (labels.has(c.page)) continue;
    const label = pageLabelOf(c.text) ?? counted.get(i) ?? null;
    if (label !== null) labels.set(c.page, label);
  }
  return { furniture, labels };
}

type BandCand = { i: number; page: number; key: string; band: 'top' | 'bottom'; y: number };

/** The band a line sits in and its height there (share of the page), or null in the body. */
function bandOf(l: { top: number; bottom: number }, pageHeight: number): { band: 'top' | 'bottom'; y: number } | null {
  if (l.bottom <= FURNITURE_BAND_SHARE * pageHeight) return { band: 'top', y: l.top / pageHeight };
  if (l.top >= (1 - FURNITURE_BAND_SHARE) * pageHeight) return { band: 'bottom', y: l.bottom / pageHeight };
  return null;
}

/** A line that is only a page number ("12", "- 12 -", "Sida 3"): furniture in a band even once. */
function isPageNumberLine(text: string): boolean {
  return /^\s*[-–]?\s*\d{1,4}\s*[-–]?\s*$/.test(text) || /^\s*(sida|sid|page)\s*\d+/i.test(text);
}

/**
 * A guess, made page by page while a document is read, of the lines findFurniture will drop:
 * band lines whose masked text earlier pages had in the same band at about the same height,
 * and page-number lines. The PDF reader lays pages out ahead on this guess, while pdf.js is
 * still reading, and lays out again the pages where findFurniture decides otherwise; so a
 * wrong guess costs time, never a different result.
 */
export class FurnitureGuess {
  private readonly seen = new Map<string, number[]>();

  /** Indices of the lines of the next page that are probably furniture. */
  next(lines: ReadonlyArray<{ text: string; top: number; bottom: number }>, pageHeight: number): Set<number> {
    const out = new Set<number>();
    lines.forEach((l, i) => {
      const at = bandOf(l, pageHeight);
      if (!at) return;
      const { band, y } = at;
      const k = `${band}|${mask(l.text)}`;
      const heights = this.seen.get(k) ?? [];
      if (heights.filter((h) => Math.abs(h - y) <= FURNITURE_Y_TOLERANCE_SHARE).length >= FURNITURE_MIN_PAGES - 1 || isPageNumberLine(l.text)) out.add(i);
      heights.push(y);
      this.seen.set(k, heights);
    });
    return out;
  }
}

/**
 * The page number in each line of a running header or footer that prints it beside other
 * numbers and without a "Sida"/"n (N)" form: "Stadsrevisionens årsredogörelse 2024 5",
 * "6 Stadsrevisionens årsredogörelse 2024". It is the one number not printed on every line of
 * the group, and it must count with the pages (the same offset from the page index on most
 * lines), so a chapter number in a running header is not taken for one.
 */
function countingNumbers(group: readonly BandCand[], cands: readonly FurnitureCandidate[]): Map<number, string> {
  const out = new Map<number, string>();
  if (group.length < FURNITURE_MIN_PAGES) return out;
  const numbers: string[][] = group.map((c) => cands[c.i]!.text.match(/\d+/g) ?? []);
  const common = numbers.reduce((acc, ns) => acc.filter((n) => ns.includes(n)));
  const found: Array<{ i: number; n: string; offset: number }> = [];
  group.forEach((c, k) => {
    const rest = numbers[k]!.filter((n) => !common.includes(n));
    if (rest.length === 1) found.push({ i: c.i, n: rest[0]!, offset: Number(rest[0]) - c.page });
  });
  const offsets = new Map<number, number>();
  for (const f of found) offsets.set(f.offset, (offsets.get(f.offset) ?? 0) + 1);
  const [offset, count] = [...offsets].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (count < FURNITURE_RUN_DENSITY * group.length) return out;
  for (const f of found) if (f.offset === offset) out.set(f.i, f.n);
  return out;
}

/** The members of a group that sit at the group's median height. */
function atOneHeight<C extends { y: number }>(list: readonly C[]): C[] {
  const ys = list.map((c) => c.y).sort((a, b) => a - b);
  const mid = ys[ys.length >> 1]!;
  return list.filter((c) => Math.abs(c.y - mid) <= FURNITURE_Y_TOLERANCE_SHARE);
}

/**
 * Pages that form one stretch of the document: at least FURNITURE_MIN_PAGES, covering most
 * of the pages from the first to the last. A file that joins several documents (a cover
 * letter, a report, an appendix with its own "n (11)" footer) has furniture per part.
 */
function isLocalRun(pages: ReadonlySet<number>): boolean {
  if (pages.size < FURNITURE_MIN_PAGES) return false;
  const sorted = [...pages].sort((a, b) => a - b);
  return pages.size >= FURNITURE_RUN_DENSITY * (sorted[sorted.length - 1]! - sorted[0]! + 1);
}

/**
 * Groups that recur over one stretch only are furniture when they carry the page number
 * ("Årsrapport för 2024 2 (11)") or sit in a band that does on their pages ("Revisorskollegiet"
 * under it). Without that evidence a stretch of repeated lines may be a table's repeated header.
 */
function localFurniture(local: readonly BandCand[][], cands: readonly FurnitureCandidate[]): number[] {
  const numbered = local.filter((g) => g.filter((c) => pageLabelOf(cands[c.i]!.text) !== null).length >= FURNITURE_RUN_DENSITY * g.length);
  const labelled = new Set(numbered.flat().map((c) => `${c.band}|${c.page}`));
  const out: number[] = numbered.flat().map((c) => c.i);
  for (const g of local) {
    if (numbered.includes(g)) continue;
    const backed = g.filter((c) => labelled.has(`${c.band}|${c.page}`)).length;
    if (backed >= FURNITURE_RUN_DENSITY * g.length) out.push(...g.map((c) => c.i));
  }
  return out;
}

export function removeFurniture(doc: SourceDoc): Result<SourceDoc> {
  const heightOf = new Map(doc.pages.map((p) => [p.number, p.height]));
  const textPages = doc.pages.filter((p) => p.textChars > 0).length;
  const blocks: LineBlock[] = [];
  const cands: FurnitureCandidate[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'line' || b.page === null || b.bbox === null) continue;
    const h = heightOf.get(b.page);
    if (!h) continue;
    blocks.push(b);
    cands.push({ page: b.page, text: b.text, top: b.bbox.t, bottom: b.bbox.b, pageHeight: h });
  }
  const { furniture, labels } = findFurniture(cands, textPages);
  const drop = new Set<Block>([...furniture].map((i) => blocks[i]!));
  return ok({
    ...doc,
    pages: doc.pages.map((p) => ({ ...p, label: labels.get(p.number) ?? p.label })),
    blocks: doc.blocks.filter((b) => !drop.has(b)),
  });
}
