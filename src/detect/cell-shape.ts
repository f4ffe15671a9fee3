/**
 * Cheap shape tests on cell text used by the detectors (is this row data or header?).
 * Parsing values for real is `normalize/number-sv`; these only have to tell shapes apart.
 */

/** "-28 603", "4,0 %", "+ 1 060", "192 *", "0,2 Mkr", "56 (medel 58)", "85 % (totalt)". */
const NUMERIC = /^[+\-−–]?\s?\d[\d\s\u00a0\u202f\u2009]*(?:[,.]\d+)?\s?(?:%|tkr|mnkr|mkr|kr)?\s?[*¹²³⁴⁵⁶⁷⁸⁹⁰]*(?:\s*\(.*\))?$/i;
const DATE = /^\d{4}-\d{2}-\d{2}/;

export function looksNumeric(text: string): boolean {
  const t = text.trim();
  if (t === '' || DATE.test(t)) return false;
  return NUMERIC.test(t);
}

/** A bare year or year range, as used in column headers ("2016", "2010-2013"). */
export function looksLikeYear(text: string): boolean {
  return /^(19|20)\d{2}(\s*[-–]\s*(19|20)\d{2})?$/.test(text.trim());
}

/** A lone dash or similar that stands for "no value". */
export function isPlaceholder(text: string): boolean {
  return /^[-–—−]$/.test(text.trim());
}

export function isEmpty(text: string): boolean {
  return text.trim() === '';
}

/** Markdown table separator cells: "---", ":--:", "--". */
export function isSeparatorCell(text: string): boolean {
  return /^:?-{2,}:?$/.test(text.trim());
}

/** Whitespace that normalizeSpace would rewrite: anything but a single plain space. */
const UNEVEN_SPACE = /[^\S ]| {2}/;

/**
 * Runs of whitespace (tabs, line breaks, no-break and thin spaces …) as one plain space,
 * trimmed. Most text has single plain spaces only, which the replacement would rewrite one by
 * one into themselves; that text only needs trimming.
 */
export function normalizeSpace(text: string): string {
  if (!UNEVEN_SPACE.test(text)) return text.trim();
  return text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
}
