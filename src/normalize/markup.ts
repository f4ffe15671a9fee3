/**
 * Cell text cleaning shared by the number parser and the classifiers.
 *
 * Text sources converted from Word/PDF by other tools keep a little HTML/markdown inline
 * markup (Mölndal's report has `<b>Summa</b>` and `<sup>1</sup>` in table cells). Footnote
 * markers are facts about the cell, so they are returned, not thrown away.
 */

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4',
  '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
};

/** Spaces used as thousands separators or padding: no-break, narrow no-break, thin, figure. */
const ODD_SPACES = /[\u00a0\u202f\u2009\u2007\u2002\u2003\t]/g;

/**
 * A character one of the cleaning steps below acts on (markup, emphasis, odd or double spaces,
 * superscript digits, footnote asterisks). Most cells hold none, and then every step but the
 * trimming leaves the text as it is: one test instead of eight passes.
 */
const NEEDS_CLEANING = /[<*_\u00a0\u202f\u2009\u2007\u2002\u2003\t⁰¹²³⁴⁵⁶⁷⁸⁹]| {2}/;

export interface CleanText {
  text: string;
  footnotes: string[];
}

/** Remove <b>, <i>, <strong>, ** and __ emphasis; normalise odd spaces; trim. */
export function stripEmphasis(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text.trim();
  return text
    .replace(/<\/?(?:b|i|em|strong|u)>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(ODD_SPACES, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Strip markup and pull out footnote markers: `<sup>1</sup>`, superscript digits, and
 * trailing asterisks ("192 *", "-400*"), the way the reports mark a footnote in a cell.
 */
export function cleanCell(raw: string): CleanText {
  if (!NEEDS_CLEANING.test(raw)) return { text: raw.trim(), footnotes: [] };
  const footnotes: string[] = [];
  let text = raw.replace(/<sup>\s*([^<]*?)\s*<\/sup>/gi, (_m, note: string) => {
    if (note !== '') footnotes.push(note);
    return ' ';
  });
  text = stripEmphasis(text);
  text = text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (digits) => {
    footnotes.push([...digits].map((d) => SUPERSCRIPT_DIGITS[d]).join(''));
    return '';
  });
  const star = /\s*(\*+)$/.exec(text);
  if (star && star.index > 0) {
    footnotes.push(star[1]);
    text = text.slice(0, star.index);
  }
  return { text: text.replace(/ {2,}/g, ' ').trim(), footnotes };
}

/** A row label as printed, minus markup and footnote markers. */
export function cleanLabel(raw: string): string {
  return cleanCell(raw).text;
}
