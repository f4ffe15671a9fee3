/**
 * Numbers as Swedish reports print them.
 *
 * Thousands are grouped with a space (often a no-break or narrow space), decimals use a comma,
 * and a minus may be typeset as a hyphen, en dash or U+2212, sometimes followed by a space
 * ("- 6 279"). A cell may carry a unit ("4,0 %", "816 kr", "0,2 Mkr"), a footnote ("192 *"),
 * a qualifier ("ca 5"), a comparison ("56 (medel 58)") or a remark ("9 totalt (…)").
 *
 * The parser is strict on purpose: anything that is not one number plus such trimmings
 * ("2016-12-31", "10-12 mån", "Flyktingstatus 3") is text, so dates never become numbers.
 */
import { cleanCell } from './markup.js';

export type NumberUnit = 'tkr' | 'mnkr' | 'kr' | '%';

export interface ParsedNumber {
  value: number | null;
  unit: NumberUnit | null;
  /** Qualifier or remark printed with the number, or the whole text when it is not a number. */
  note: string | null;
  /** A comparison value printed beside it: "56 (medel 58)" → 58. */
  reference: number | null;
  footnotes: string[];
  /** Nothing printed, or only a dash meaning "no value". */
  empty: boolean;
}

/** Words printed before an approximate number. */
const QUALIFIER = /^(ungefär|ung\.?|ca\.?|c:a|cirka|drygt|knappt|nästan)\s+/i;
const SIGN = /^([-−–‒—+])\s?/;
/** Grouped thousands ("1 234 567") or a plain run of digits, then an optional decimal part.
 * A dot is accepted as decimal point only when it cannot be a thousands dot ("1.500"). */
const CORE = /^(\d{1,3}(?: \d{3}(?!\d))+|\d+)(?:,(\d*)|\.(\d{1,2}|\d{4,})(?!\d))?/;
const UNIT =
  /^\s*(%|procent|tkr|tusen kronor|mnkr|mkr|milj(?:oner|\.)?\s*(?:kr|kronor)|mn kr|kr|kronor)(?!\p{L})/iu;
const STAR = /^\s*(\*+)/;
const REFERENCE = /^\(\s*(?:medel(?:värde)?|snitt|riket|länet|ref\.?)\s*:?\s*([^()]+?)\s*\)$/i;
const LONE_DASH = /^(?:[-−–‒—]+|\.{2,}|…)$/;

/**
 * Words printed in a value cell instead of a number, saying there is none ("Ej aktuellt",
 * "Stängt" for a closed bath, "Saknas"). They are kept as text with no value, unlike prose.
 */
const NO_VALUE_WORDS =
  /^(?:ej\s+(?:aktuell|aktuellt|tillämplig|tillämpligt|relevant|mätt|redovisad|redovisat)|stängt|stängd|saknas|uppgift\s+saknas|inga\s+uppg(?:ifter|\.)?|ingen\s+uppgift)\.?$/iu;

export function isNoValueText(text: string): boolean {
  return NO_VALUE_WORDS.test(cleanCell(text).text);
}

export function parseNumberSv(text: string): ParsedNumber {
  const { text: clean, footnotes } = cleanCell(text);
  if (clean === '' || LONE_DASH.test(clean)) {
    return { value: null, unit: null, note: null, reference: null, footnotes, empty: true };
  }
  return parseClean(clean, footnotes) ?? textOnly(clean, footnotes);
}

/** True when the cell holds a number (possibly with unit, footnote or remark). */
export function isNumericCell(text: string): boolean {
  return parseNumberSv(text).value !== null;
}

function textOnly(text: string, footnotes: string[]): ParsedNumber {
  return { value: null, unit: null, note: text, reference: null, footnotes, empty: false };
}

function parseClean(clean: string, footnotes: string[]): ParsedNumber | null {
  let rest = clean;
  const qualifier = QUALIFIER.exec(rest);
  if (qualifier) rest = rest.slice(qualifier[0].length);
  const number = readSignedNumber(rest);
  if (!number) return null;
  rest = rest.slice(number.length);

  const unitMatch = UNIT.exec(rest);
  const unit = unitMatch ? unitOf(unitMatch[1]) : null;
  if (unitMatch) rest = rest.slice(unitMatch[0].length);
  const star = STAR.exec(rest);
  if (star) {
    footnotes = [...footnotes, star[1]];
    rest = rest.slice(star[0].length);
  }
  const trailing = readTrailing(rest);
  if (trailing === null) return null;

  const notes = [qualifier?.[1] ?? null, trailing.note].filter((n): n is string => n !== null);
  return {
    value: number.value,
    unit,
    note: notes.length > 0 ? notes.join(' ') : null,
    reference: trailing.reference,
    footnotes,
    empty: false,
  };
}

/** Sign plus digits at the start of `text`; null when `text` does not start with a number. */
export function readSignedNumber(text: string): { value: number; length: number } | null {
  const sign = SIGN.exec(text);
  const afterSign = sign ? text.slice(sign[0].length) : text;
  const core = CORE.exec(afterSign);
  if (!core) return null;
  const digits = core[1].replace(/ /g, '');
  const decimals = core[2] ?? core[3] ?? '';
  const magnitude = Number(decimals === '' ? digits : `${digits}.${decimals}`);
  const negative = sign !== null && sign[1] !== '+';
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  return { value, length: (sign?.[0].length ?? 0) + core[0].length };
}

/**
 * What may follow the number: nothing, "(medel 58)", another parenthesised remark, or words
 * after a space. Anything else (a hyphen, slash or digit straight after) means the cell is
 * not one number: a date, a range, a ratio.
 */
function readTrailing(rest: string): { note: string | null; reference: number | null } | null {
  const trimmed = rest.trim();
  if (trimmed === '') return { note: null, reference: null };
  if (!/^\s/.test(rest) && !rest.startsWith('(')) return null;
  if (trimmed.startsWith('(')) {
    const ref = REFERENCE.exec(trimmed);
    if (ref) {
      const n = readSignedNumber(ref[1]);
      if (n && n.length === ref[1].length) return { note: null, reference: n.value };
    }
    return { note: trimmed, reference: null };
  }
  if (/^\p{L}/u.test(trimmed)) return { note: trimmed, reference: null };
  return null;
}

function unitOf(word: string): NumberUnit {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w === '%' || w === 'procent') return '%';
  if (w === 'tkr' || w === 'tusen kronor') return 'tkr';
  if (w === 'kr' || w === 'kronor') return 'kr';
  return 'mnkr';
}
