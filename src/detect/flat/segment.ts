/**
 * Readings of a row's numeric tail once the column gaps are gone.
 *
 * Swedish reports group thousands with a space, so in flattened text "20 571 20 869" is
 * either two numbers or one to four. In glued text (cells joined with nothing between them)
 * "37625 131" is "376" + "25 131" or "3" + "7625 131" … What a printed number can look like
 * limits the readings:
 * - the first group has 1–3 digits when the table groups thousands, every further group
 *   exactly 3 ("1 060", never "1 06");
 * - no group opens with 0 unless the number is 0 or 0,x ("080" cannot start a value);
 * - a minus sign opens a value, a decimal part, a per cent sign and a footnote star close one;
 * - a lone dash stands for an empty cell ("-9,6 - -").
 * `readings` lists every split that obeys these rules, up to a cap.
 */
import { normalizeSpace } from '../cell-shape.js';

export type Mode = 'spaced' | 'glued';

export interface Piece {
  /** The value as printed ("-28 603", "102,7 %", "-" for a printed empty cell). */
  text: string;
  /** null for a printed dash. */
  value: number | null;
  decimals: number;
  percent: boolean;
  /** Digits before the decimal part, sign excluded (magnitude class). */
  intDigits: number;
  /** Written with thousands groups ("1 060"), so it cannot be a small note number. */
  grouped: boolean;
}

export interface ReadOptions {
  mode: Mode;
  /** Most values a reading may have (the table's value columns). */
  maxValues: number;
  /** Stop after this many readings; the caller treats a full list as too ambiguous. */
  cap: number;
}

const SIGN = /[-−–+]/;
const DASH = /[-−–]/;
const DIGIT = /[0-9]/;
const SPACE = /\s/;
/** Characters a numeric tail can end in: a digit, sign or dash, per cent sign, star, or (glued) a decimal comma. */
const TAIL_END = /[\d,%*+\-−–]/;
/** Characters a glued tail is made of once spaces are normalised. */
const TAIL_CHAR = /[\d ,%*+\-−–]/;

/**
 * Whether a line can have a numeric tail at all, judged on its last printed character. Most
 * lines end in a word or a stop; this turns them away without normalising or scanning them.
 */
export function mayHaveTail(text: string): boolean {
  let k = text.length - 1;
  while (k >= 0 && SPACE.test(text[k])) k--;
  return k >= 0 && TAIL_END.test(text[k]);
}

/** Longest numeric tail of a flattened line: label text before, values after. */
export function splitTail(text: string, mode: Mode): { label: string; tail: string } | null {
  return mayHaveTail(text) ? splitNormalTail(normalizeSpace(text), mode) : null;
}

/** As splitTail, on a line already normalised (single spaces, trimmed): a caller testing both modes normalises once. */
export function splitNormalTail(t: string, mode: Mode): { label: string; tail: string } | null {
  if (mode === 'spaced') {
    const tokens = t.split(' ');
    let k = tokens.length;
    while (k > 0 && isTailToken(tokens[k - 1])) k--;
    // A sign belongs to the value after it; one left at the start of the tail is a dash cell.
    if (k === tokens.length || !tokens.slice(k).some((x) => DIGIT.test(x) || /^[-−–]$/.test(x))) return null;
    return { label: tokens.slice(0, k).join(' '), tail: tokens.slice(k).join(' ') };
  }
  let start = gluedTailStart(t);
  if (start < 0) return null;
  // A hyphen inside a word ("Besluts-/verksamhets", "LVU-") belongs to the label.
  // A minus set off by a space before its digits ("verksamhet- 6 279") is still a sign.
  if (DASH.test(t[start]) && start > 0 && /[\p{L}]/u.test(t[start - 1]) && !/^ ?\d/.test(t.slice(start + 1))) return null;
  while (t[start] === ' ') start++;
  return { label: t.slice(0, start).trim(), tail: t.slice(start).trim() };
}

/**
 * Where the glued tail of `t` starts, or -1: the first position of the run of tail characters
 * at the end where a value opens (an optionally signed digit, a space before a digit, or a
 * dash before a dash or the end). Found from the end in one pass instead of trying a pattern
 * at every position, which is quadratic on long lines.
 */
function gluedTailStart(t: string): number {
  let run = t.length;
  while (run > 0 && TAIL_CHAR.test(t[run - 1])) run--;
  for (let p = run; p < t.length; p++) if (opensValue(t, p)) return p;
  return -1;
}

/** A value opens at p: as `(?:[-−–+]? ?\d|[-−–](?=[-−–]|$))` would match there. */
function opensValue(t: string, p: number): boolean {
  const c = t[p];
  const digitAt = (k: number) => DIGIT.test(t[k] ?? '');
  if (digitAt(p)) return true;
  if (c === ' ') return digitAt(p + 1);
  if (!SIGN.test(c)) return false;
  if (digitAt(p + 1) || (t[p + 1] === ' ' && digitAt(p + 2))) return true;
  return DASH.test(c) && (p + 1 === t.length || DASH.test(t[p + 1]));
}

function isTailToken(token: string): boolean {
  return /^(?:[-−–+]|%|[-−–+]?\d+(?:,\d+)?%?\*?)$/.test(token);
}

/** Every reading of `tail` as 1..maxValues values, in order of appearance. */
export function readings(tail: string, opts: ReadOptions): Piece[][] {
  const out: Piece[][] = [];
  const grouped = opts.mode === 'glued';
  const walk = (pos: number, acc: Piece[]) => {
    if (out.length >= opts.cap) return;
    if (pos >= tail.length) {
      if (acc.length > 0) out.push([...acc]);
      return;
    }
    if (acc.length >= opts.maxValues) return;
    for (const v of valuesAt(tail, pos, opts.mode, grouped)) {
      const next = v.end;
      const spaceAfter = next < tail.length && tail[next] === ' ';
      if (next < tail.length) {
        if (opts.mode === 'spaced' && !spaceAfter) continue;
        if (opts.mode === 'glued' && spaceAfter && !gapInGlued(tail, next, v.piece)) continue;
      }
      acc.push(v.piece);
      walk(spaceAfter ? next + 1 : next, acc);
      acc.pop();
    }
  };
  walk(0, []);
  return out;
}

/**
 * In glued text a space is a thousands separator, unless it cannot be one: after decimals or a
 * per cent sign, or before a run of digits that is not a three-digit group ("34 34"). Then it
 * is the gap between two values a PDF set close together ("0,709 0,694").
 */
function gapInGlued(tail: string, at: number, piece: Piece): boolean {
  return piece.decimals > 0 || piece.percent || piece.text.endsWith('*') || digitRun(tail, at + 1) !== 3;
}

interface Found { piece: Piece; end: number }

/**
 * Values that can start at `pos`. In spaced mode a token is never cut (the space is the only
 * boundary); in glued mode a digit run may end one value and start the next.
 */
function valuesAt(s: string, pos: number, mode: Mode, groupedOnly: boolean): Found[] {
  const found: Found[] = [];
  let p = pos;
  let negative = false;
  if (DASH.test(s[p]) && (p + 1 === s.length || s[p + 1] === ' ' || SIGN.test(s[p + 1]))) {
    // A printed dash: an empty cell ("- -"), unless it is a sign set off by a space ("- 6 279").
    found.push({ piece: { text: s[p], value: null, decimals: 0, percent: false, intDigits: 0, grouped: false }, end: p + 1 });
  }
  if (SIGN.test(s[p])) {
    negative = s[p] !== '+';
    p++;
    if (s[p] === ' ' && DIGIT.test(s[p + 1] ?? '')) p++;
  }
  if (!DIGIT.test(s[p] ?? '')) return found;
  const run = digitRun(s, p);
  // Spaced: the whole token. Glued: the run may hold the end of this value and the next one.
  const firstLengths = mode === 'spaced' ? [run] : range(1, Math.min(run, groupedOnly ? 3 : run));
  for (const first of firstLengths) {
    // "0" is a value of its own; no printed number opens with 0 otherwise.
    if (s[p] === '0' && first > 1) continue;
    if (first < run) {
      // Glued digits: this value ends inside the run, the next starts with the following digit.
      pushEndings(s, pos, p + first, negative, first, false, mode, found);
      continue;
    }
    let q = p + first;
    let intDigits = first;
    let groups = 0;
    for (;;) {
      pushEndings(s, pos, q, negative, intDigits, groups > 0, mode, found);
      if (first > 3 || s[p] === '0' || s[q] !== ' ' || !isThree(s, q + 1, mode)) break;
      const after = digitRun(s, q + 1);
      q += 4;
      intDigits += 3;
      groups++;
      if (after > 3) {
        // "149177": the group is "149", "177" opens the next value.
        pushEndings(s, pos, q, negative, intDigits, true, mode, found);
        break;
      }
    }
  }
  return found;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) out.push(n);
  return out;
}

/** After the integer part ends at q: the value may end, take decimals, and take a per cent sign. */
function pushEndings(
  s: string, start: number, q: number, negative: boolean, intDigits: number, grouped: boolean, mode: Mode, found: Found[],
): void {
  // In glued mode a digit right after the integer part starts the next value; in spaced mode
  // the integer part must run to the end of its token.
  if (mode === 'spaced' && DIGIT.test(s[q] ?? '')) return;
  const ends: Array<{ end: number; decimals: number }> = [];
  if (s[q] === ',' && DIGIT.test(s[q + 1] ?? '')) {
    const run = digitRun(s, q + 1);
    if (mode === 'spaced') ends.push({ end: q + 1 + run, decimals: run });
    else for (let d = 1; d <= run; d++) ends.push({ end: q + 1 + d, decimals: d });
  } else {
    ends.push({ end: q, decimals: 0 });
  }
  for (const e of ends) {
    const withPercent = /^ ?%/.exec(s.slice(e.end));
    const closed = e.end + (withPercent ? withPercent[0].length : 0);
    // A footnote star ends the value it marks ("-400*"); the text keeps it, the number does not.
    const end = s[closed] === '*' ? closed + 1 : closed;
    const magnitude = Number(s.slice(start, e.end).replace(/[^\d,]/g, '').replace(',', '.'));
    found.push({
      piece: {
        text: s.slice(start, end),
        value: negative && magnitude !== 0 ? -magnitude : magnitude,
        decimals: e.decimals,
        percent: withPercent !== null,
        intDigits,
        grouped,
      },
      end,
    });
  }
}

function digitRun(s: string, p: number): number {
  let n = 0;
  while (DIGIT.test(s[p + n] ?? '')) n++;
  return n;
}

/** Three digits at p; in spaced mode they must be a whole group (token end, decimals or %). */
function isThree(s: string, p: number, mode: Mode): boolean {
  if (!(DIGIT.test(s[p] ?? '') && DIGIT.test(s[p + 1] ?? '') && DIGIT.test(s[p + 2] ?? ''))) return false;
  return mode === 'glued' || !DIGIT.test(s[p + 3] ?? '');
}
