/**
 * Text normalisation shared by the eval scorers. Pure functions only.
 */

const DASHES = /[\u2010-\u2015\u2212\ufe63\uff0d]/g;

/** Label key: NFKC, lower case, dashes unified, footnote stars dropped, only letters and digits kept. */
export function labelKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(DASHES, '-')
    .toLocaleLowerCase('sv')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Fuzzy-ish label equality: case/whitespace/punctuation-insensitive; a prefix is fine when the
 * shorter key has at least `minPrefix` characters (wrapped or truncated labels).
 */
export function labelsMatch(gold: string, got: string, minPrefix = 6): boolean {
  const a = labelKey(gold);
  const b = labelKey(got);
  if (!a || !b) return a === b;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= minPrefix && long.startsWith(short);
}

/** Column headers: "Varav årets investeringar / Budget 2025". */
export function columnParts(s: string): string[] {
  return s.split('/').map(labelKey).filter(Boolean);
}

/**
 * Gold column vs extracted column. The last header level must agree; when both give a group
 * level above it, those must agree too. A side without a group level is accepted (lenient).
 */
export function columnsMatch(gold: string, got: string): boolean {
  const g = columnParts(gold);
  const x = columnParts(got);
  if (g.length === 0) return true;
  if (x.length === 0) return false;
  if (g.join('') === x.join('')) return true;
  if (g[g.length - 1] !== x[x.length - 1]) return false;
  if (g.length > 1 && x.length > 1) return labelsMatch(g.slice(0, -1).join(''), x.slice(0, -1).join(''), 4);
  return true;
}

/** Cell text for positional comparison: NFKC, dashes unified, whitespace collapsed. */
export function normSpace(s: string): string {
  return (s ?? '').normalize('NFKC').replace(DASHES, '-').replace(/\s+/g, ' ').trim();
}

/** score_tables.py norm(): NFKC, dashes/quotes unified, all whitespace removed, casefolded. */
export function normPeer(s: string): string {
  return (s ?? '')
    .normalize('NFKC')
    .replace(DASHES, '-')
    .replace(/\u2019/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, '')
    .toLowerCase();
}

export function numbersEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}
