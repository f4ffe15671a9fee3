/**
 * How a column name reads, for stack.ts: what kind each word is, where a line's corner (the
 * row-label column's header) ends, which cuts between words are certain, how stacked pieces
 * join, and how badly a candidate name reads. Names in these reports open with a measure word
 * (Utfall, Budget …) or are a year; they do not open in lower case, hold two measure words,
 * repeat a word or carry two years.
 */
import { COLUMN_START, NOTE, columnRole } from './header.js';

export type Kind = 'start' | 'year' | 'date' | 'lower' | 'cap' | 'other';

/** Years, year ranges and dates ("2016", "2018/2019", "2016-08-31", "2016-" broken at the hyphen). */
const YEARISH = /^\(?(?:19|20)\d{2}(?:[-–/](?:\d{2}|(?:19|20)\d{2}))?(?:[-–]\d{2})?[-–]?\)?[,:]?$/;
/** Count columns beside money columns ("Antal 2023") name a column like a measure word. */
const COUNT_START = /^(?:Antal|Andel)$/;
const INNER_MEASURE = /^(?:utfall|budget|prognos|bokslut)(?![\p{L}])/u;
export const UNIT = /^\(?(?:tkr|mnkr|mkr|kr)\)?[,:]?$/i;

/** Kinds of words seen, since the search asks for the same few words again and again. */
const KIND_CACHE = new Map<string, Kind>();

export function kind(w: string): Kind {
  let k = KIND_CACHE.get(w);
  if (k === undefined) {
    k = kindOf(w);
    if (KIND_CACHE.size > 10_000) KIND_CACHE.clear();
    KIND_CACHE.set(w, k);
  }
  return k;
}

function kindOf(w: string): Kind {
  const bare = w.replace(/[-–]$/, '');
  if (COLUMN_START.test(bare) || NOTE.test(w) || COUNT_START.test(bare)) return 'start';
  if (YEARISH.test(w)) return 'year';
  if (/^\d/.test(w)) return 'date';
  if (/^\p{Ll}/u.test(w)) return 'lower';
  if (/^\p{Lu}/u.test(w)) return 'cap';
  return 'other';
}

/**
 * Words at the start of a line that name the row-label column: up to a unit ("Belopp i tkr",
 * "Verksamheter (tkr)"), or a capitalised name before the first measure word or year
 * ("Statistik Bokslut …"). A line of only such words names no column.
 */
export function cornerLength(words: string[]): number {
  const firstColumn = words.findIndex((w) => kind(w) === 'start' || kind(w) === 'year');
  const limit = firstColumn < 0 ? words.length : firstColumn;
  for (let k = Math.min(limit, 7) - 1; k >= 0; k--) if (UNIT.test(words[k])) return k + 1;
  return firstColumn > 0 && /^[\p{Lu}(]/u.test(words[0]) ? firstColumn : 0;
}

/** A cut between two words of one line is certain before a measure word, between two years and between repeats. */
export function mustCut(prev: string, w: string): boolean {
  if (kind(w) === 'start' && !/\.$/.test(prev)) return true;
  if (kind(w) === 'year' && kind(prev) === 'year') return true;
  return w.toLowerCase() === prev.toLowerCase();
}

/** Stacked pieces of one name: a word broken at a hyphen joins up ("Budget-" + "avvikelse", "2016-" + "08-31"). */
export function stackJoin(upper: string, lower: string): string {
  if (/\p{L}[-–]$/u.test(upper) && /^\p{Ll}/u.test(lower)) return upper.slice(0, -1) + lower;
  if (/\d[-–]$/.test(upper) && /^\d/.test(lower)) return upper + lower;
  return `${upper} ${lower}`;
}

export interface Context { measures: boolean; years: boolean }

const PENALTY_CACHE = new Map<string, number>();

/** How badly a column name reads (0: as names in these reports do). */
export function namePenalty(name: string, ctx: Context): number {
  const key = `${Number(ctx.measures)}${Number(ctx.years)}${name}`;
  let p = PENALTY_CACHE.get(key);
  if (p === undefined) {
    p = penaltyOf(name, ctx);
    if (PENALTY_CACHE.size > 10_000) PENALTY_CACHE.clear();
    PENALTY_CACHE.set(key, p);
  }
  return p;
}

function penaltyOf(name: string, ctx: Context): number {
  const w = name.split(' ');
  const kinds = w.map(kind);
  let p = 0;
  if (kinds[0] === 'year') p += kinds.every((k) => k === 'year') ? (ctx.measures ? 1.5 : 0) : 1;
  else if (kinds[0] === 'cap') p += 1.5;
  else if (kinds[0] !== 'start') p += 3;
  for (let i = 1; i < w.length; i++) {
    if (kinds[i] === 'start' && !/\.$/.test(w[i - 1])) p += 2;
    else if (kinds[i] === 'cap') p += 1;
  }
  // "Prognos prognos/budget": a word twice, also as part of a slashed pair.
  const seen = new Set<string>();
  for (const key of w.flatMap((x) => x.toLowerCase().split('/'))) {
    if (key.length > 2 && seen.has(key)) p += 2;
    seen.add(key);
  }
  const years = kinds.filter((k) => k === 'year').length;
  if (years > 1) p += 2 * (years - 1);
  // A bare day and month ("08-31") is the tail of a date broken at its hyphen ("2016-").
  p += 1.5 * kinds.filter((k) => k === 'date').length;
  // The period closes a name ("Budget helår 2016"), so words after a year belong elsewhere.
  const lastYear = kinds.lastIndexOf('year');
  if (lastYear >= 0) p += 0.5 * kinds.slice(lastYear + 1).filter((k) => k === 'lower').length;
  // A measure named inside another measure's column ("Utfall prognos") belongs to a
  // deviation or per cent column ("Avvikelse prognos budget", "Utfall i % av budget").
  // Only a name with its measure word in place has a role: a lower-case piece may still get its head.
  const role = kinds[0] === 'start' ? columnRole(name) : null;
  if (role !== null && role !== 'deviation' && role !== 'percent') p += w.slice(1).filter((x) => INNER_MEASURE.test(x)).length;
  // A word left broken at a hyphen ("Budget-", "2016-") was meant to go on in the next line.
  p += 3 * w.filter((x) => /[\p{L}\d][-–]$/u.test(x)).length;
  // Where other columns carry a year, an amount column without one has likely lost its year.
  if (ctx.years && kinds[0] === 'start' && years === 0 && columnRole(name) === 'money') p += 0.5;
  return p;
}

const HEADS: ReadonlySet<Kind> = new Set(['start', 'year']);

/**
 * A name opens with a measure word or a year. Two capitalised words that are not measure
 * words inside one name are the names of columns this tool cannot tell apart ("Antal
 * årsarbetare Medelålder Månadsavlönad"): a count read from them would be wrong, so no table.
 */
export function namesAColumn(name: string): boolean {
  const kinds = name.split(' ').map(kind);
  return HEADS.has(kinds[0]) && kinds.filter((k) => k === 'cap').length < 2;
}

/**
 * Cheap test before the search: some line names a measure, or holds nothing but years after
 * its corner ("mnkr 2017 2016 2015"). Prose above a number rarely does either.
 */
export function mayHoldHeader(words: string[][], corners: number[]): boolean {
  return words.some((w, k) => w.some((x) => kind(x) === 'start')
    || (w.length > corners[k] && w.slice(corners[k]).every((x) => kind(x) === 'year') && (corners[k] > 0 || w.length >= 2)));
}

export function context(names: string[]): Context {
  return {
    measures: names.some((n) => kind(n.split(' ')[0]) === 'start'),
    years: names.some((n) => n.split(' ').some((w) => kind(w) === 'year')),
  };
}

