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
export const FURNITURE_MIN_SHARE = 0.2;

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

function mask(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '').toLowerCase();
}

export function removeFurniture(doc: SourceDoc): Result<SourceDoc> {
  const heightOf = new Map(doc.pages.map((p) => [p.number, p.height]));
  const textPages = doc.pages.filter((p) => p.textChars > 0).length;
  type Cand = { block: LineBlock; key: string; band: 'top' | 'bottom'; y: number };
  const cands: Cand[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'line' || b.page === null || b.bbox === null) continue;
    const h = heightOf.get(b.page);
    if (!h) continue;
    if (b.bbox.b <= FURNITURE_BAND_SHARE * h) cands.push({ block: b, key: mask(b.text), band: 'top', y: b.bbox.t / h });
    else if (b.bbox.t >= (1 - FURNITURE_BAND_SHARE) * h) cands.push({ block: b, key: mask(b.text), band: 'bottom', y: b.bbox.b / h });
  }
  // Pages on which each (band, masked text) occurs at about the same height.
  const groups = new Map<string, Cand[]>();
  for (const c of cands) {
    const k = `${c.band}|${c.key}`;
    const list = groups.get(k) ?? [];
    list.push(c);
    groups.set(k, list);
  }
  const furniture = new Set<Block>();
  const need = Math.max(FURNITURE_MIN_PAGES, Math.ceil(FURNITURE_MIN_SHARE * textPages));
  for (const list of groups.values()) {
    const ys = list.map((c) => c.y).sort((a, b) => a - b);
    const mid = ys[ys.length >> 1]!;
    const near = list.filter((c) => Math.abs(c.y - mid) <= FURNITURE_Y_TOLERANCE_SHARE);
    const pages = new Set(near.map((c) => c.block.page));
    if (pages.size >= need || (pages.size >= 2 && pages.size >= textPages)) for (const c of near) furniture.add(c.block);
  }
  // A bare page-number line in a band is furniture even when it occurs once.
  for (const c of cands) if (/^\s*[-–]?\s*\d{1,4}\s*[-–]?\s*$/.test(c.block.text) || /^\s*(sida|sid|page)\s*\d+/i.test(c.block.text)) furniture.add(c.block);

  const labels = new Map<number, string>();
  for (const b of furniture) {
    if (b.kind !== 'line' || b.page === null || labels.has(b.page)) continue;
    const label = pageLabelOf(b.text);
    if (label !== null) labels.set(b.page, label);
  }
  return ok({
    ...doc,
    pages: doc.pages.map((p) => ({ ...p, label: labels.get(p.number) ?? p.label })),
    blocks: doc.blocks.filter((b) => !furniture.has(b)),
  });
}
