/**
 * What one line of plain text is, for the flat-table detector: a data row (a label and a tail
 * of numbers), a header line (names and years), a group row, a wrapped label line, or a row of
 * words where the numbers go. Pure predicates on the text.
 */
import { COLUMN_START, isYearish, parseFlatHeader, splitWords } from './header.js';
import { guessMode } from './recover.js';
import { mayHaveTail, splitNormalTail } from './segment.js';
import { normalizeSpace } from '../cell-shape.js';

/** Row labels are short; a longer line ending in a number is prose. */
export const MAX_LABEL_CHARS = 120;
/** A label-only line inside a table (a group row, a wrapped label) is shorter still. */
export const MAX_GROUP_CHARS = 60;
/** Header lines hold names, not sentences. */
const MAX_HEADER_CHARS = 260;

/**
 * A line that may belong to a header: short, no sentence, not prose, no numbers but years and
 * dates. Judged on its words cut as in glued text ("fritidsnämndenTotalAck.", "20192018").
 */
export function isHeaderLine(text: string): boolean {
  const t = clean(text);
  if (t === '' || t.length > MAX_HEADER_CHARS) return false;
  const words = splitWords(t, true);
  // A sentence ends in a full word and a stop; "Ack. Utfall" is an abbreviation.
  if (words.some((w, k) => /\p{L}{5,}[.!?:]$/u.test(w) && (k === words.length - 1 || /^\p{Lu}/u.test(words[k + 1])))) return false;
  if (isProse(words)) return false;
  return words.every((w) => !/\d/.test(w) || isHeaderNumber(w));
}

/** Lower-case words (of three letters or more) from which a line of mostly such words is prose. */
const MAX_LOWER_WORDS = 5;

/**
 * Column names are mostly measure words, years and a few small words; a line of many
 * lower-case words is a sentence. Month ranges ("jan-aug") do not count.
 */
function isProse(words: string[]): boolean {
  const lower = words.filter((w) => /^\p{Ll}{3,}/u.test(w) && !/^\p{Ll}{3}[-–]\p{Ll}{3}$/u.test(w)).length;
  return lower >= MAX_LOWER_WORDS && lower * 5 > words.length * 3;
}

/** A row label followed by a tail of numbers (flattened or glued), not a header naming years. */
export function isDataLine(text: string): boolean {
  // Most lines end in a word or a stop and have no tail in either mode.
  if (!mayHaveTail(text)) return false;
  const mode = guessMode([text]);
  const t = clean(text);
  const split = splitNormalTail(t, mode) ?? splitNormalTail(t, mode === 'glued' ? 'spaced' : 'glued');
  return split !== null && /\d/.test(split.tail) && split.label.length <= MAX_LABEL_CHARS && /\p{L}/u.test(split.label)
    && !namesYears(text);
}

/**
 * A line whose only numbers are years, several of them or beside a unit or measure word, is a
 * header ("tkr Utfall 2024 Budget 2024", "Belopp i tkr20192019helår2019"), not a row.
 */
function namesYears(text: string): boolean {
  const words = splitWords(clean(text), true);
  const numeric = words.filter((w) => /\d/.test(w));
  if (!numeric.every(isHeaderNumber)) return false;
  return numeric.length >= 2 || words.some((w) => UNIT_WORD.test(w) || COLUMN_START.test(w));
}

const UNIT_WORD = /^\(?(?:tkr|mnkr|mkr|kr)\)?[,:]?$/i;

function isHeaderNumber(w: string): boolean {
  return isYearish(w) || /^\d{1,2}[-–/]\d{1,2}$/.test(w) || /^(?:19|20)\d{2}[-–]$/.test(w);
}

/**
 * A row with words where the numbers go ("Kultur- och  Ej aktuellt  Ej aktuellt …"): which
 * word stands in which column cannot be told without positions, so the row is kept as an
 * unresolved row with its printed text, and the table goes on below it.
 */
export function isWordRow(text: string): boolean {
  const t = clean(text);
  return t.length <= MAX_LABEL_CHARS && /^\p{L}/u.test(t) && !/\d/.test(t) && !/[.!?:]$/.test(t) && parseFlatHeader(t) === null;
}

/** A short label without numbers: a group row over the rows below it. */
export function isGroupLine(text: string): boolean {
  const t = clean(text);
  return t !== '' && t.length <= MAX_GROUP_CHARS && !/\d/.test(t) && !/[.!?]$/.test(t);
}

/**
 * The rest of a row label wrapped onto the next line: it opens in lower case or a bracket
 * ("kulturföreningar", "(6014)"), or ends in a bracketed code ("Korsavad (6154)"). A
 * capitalised line without a code is a group row instead.
 */
export function isContinuation(text: string): boolean {
  const t = clean(text);
  if (t === '' || /[.!?]$/.test(t)) return false;
  // A long label ("… ska få ett beslut senast 6 veckor efter att komplett ansökan är") goes on
  // in lower case, numbers and all, as long as the line is no row of its own.
  if (/^\p{Ll}/u.test(t)) return t.length <= MAX_LABEL_CHARS && !isDataLine(t);
  if (t.length > MAX_GROUP_CHARS || /\d/.test(t.replace(/\([^)]*\)/g, ''))) return false;
  return /^\(/.test(t) || /\(\s*\d[\d\s,]*\)$/.test(t);
}

/** Runs of whitespace as one space, trimmed (as everywhere in the detectors). */
export const clean = normalizeSpace;
