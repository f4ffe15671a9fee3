/**
 * Column names of a header printed over several lines, once the x-positions are gone.
 *
 * A PDF table's header cells wrap: "Avvikelse / prognos/budget / 2019" stands on three lines,
 * and copied out it arrives as three lines holding pieces of every column at once:
 *
 *   Avvikelse
 *   Budget Vårbokslut Prognos prognos/budget Vårbokslut Differens
 *   Belopp i tkr 2019 2019 helår 2019 2018 2018/2019
 *
 * Cells are bottom-aligned (every column reaches the last line, the tall ones start higher up)
 * or top-aligned (the mirror image). So one line, the "full" one, holds a piece of every
 * column, and going away from it each line holds pieces of a subset of the columns the line
 * before it held, in order. Which piece belongs to which column is chosen by how the names
 * read: a name opens with a measure word (Utfall, Budget …) or is a year; it does not open in
 * lower case, hold two measure words, repeat a word or carry two years; "Budget-" over
 * "avvikelse" joins into one word. Lines that make the names read worse (a title, a spanning
 * group header "Innevarande år  Föregående år") are left out: above the names they are upper
 * header lines or a caption, below them group rows.
 *
 * The search is a beam over the lines moving out from the full line; each line's pieces are
 * placed by a small dynamic programme. A few readings come back, best first; the caller keeps
 * the first whose column count the table's rows bear out.
 */
import { splitWords } from './header.js';
import { context, cornerLength, mayHoldHeader, mustCut, namePenalty, namesAColumn, stackJoin, UNIT } from './names.js';

export interface HeaderChoice {
  corner: string;
  columns: string[];
  /** Block lines the names come from (first..last, inclusive). */
  first: number;
  last: number;
  /** Lower is better. */
  score: number;
}

/** Lines with more words than this are not searched (prose is filtered out before). */
const MAX_LINE_TOKENS = 40;
const BEAM = 40;
const MAX_CHOICES = 4;
/** Each header word placed earns this much: a line that reads cleanly belongs to the header. */
const WORD_BONUS = 0.2;
/** Two words of one line in one column cost this: narrow wrapped cells hold a word per line. */
const JOIN_COST = 0.1;

interface State {
  names: string[];
  corner: string[];
  /** Columns holding a piece of the topmost / bottommost line taken. */
  topSet: number[];
  bottomSet: number[];
  top: number;
  bottom: number;
  closedUp: boolean;
  closedDown: boolean;
  words: number;
  cost: number;
  score: number;
}

/**
 * Readings of a header block (lines top to bottom), best first. Every column name must open
 * with a measure word or a year, as parseFlatHeader demands of a one-line header: a reading
 * that leaves a name headless ("Kommunfullmäktige", "granskningen av …") is no header.
 */
export function stackedHeaders(lines: string[], glued = false): HeaderChoice[] {
  const words = lines.map((l) => splitWords(l.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim(), glued));
  const corners = words.map(cornerLength);
  const body = words.map((w, k) => w.slice(corners[k]));
  if (!mayHoldHeader(words, corners)) return [];
  const groupish = lines.map((l) => !/\d/.test(l) && l.trim().length <= 60);
  const out: State[] = [];
  for (let full = 0; full < lines.length; full++) {
    if (body[full].length === 0 || body[full].length > MAX_LINE_TOKENS) continue;
    let beam = fullLineStates(body[full], words[full].slice(0, corners[full]), full);
    for (let k = full - 1; k >= 0; k--) beam = step(beam, k, body[k], words[k].slice(0, corners[k]), 'up');
    for (let k = full + 1; k < lines.length; k++) {
      // Lines left out below the names become group rows, which hold no numbers.
      beam = step(beam, k, body[k], words[k].slice(0, corners[k]), 'down', groupish.slice(k).every(Boolean));
    }
    out.push(...beam);
  }
  out.sort((a, b) => a.score - b.score);
  const choices: HeaderChoice[] = [];
  for (const s of out) {
    const columns = s.names;
    if (!columns.every(namesAColumn)) continue;
    // One column is a table only beside a corner that names the unit ("Projekt, tkr  2025").
    if (columns.length < 2 && !s.corner.some((w) => UNIT.test(w))) continue;
    if (choices.some((c) => c.columns.join('\t') === columns.join('\t') && c.first === s.top && c.last === s.bottom)) continue;
    choices.push({ corner: s.corner.join(' '), columns, first: s.top, last: s.bottom, score: s.score });
    if (choices.length >= MAX_CHOICES) break;
  }
  return choices;
}

function fullLineStates(tokens: string[], corner: string[], line: number): State[] {
  return splits(tokens).map((pieces) => {
    const all = pieces.map((_, c) => c);
    return rescore({
      names: pieces, corner, topSet: all, bottomSet: all, top: line, bottom: line,
      closedUp: false, closedDown: false, words: tokens.length, cost: 0, score: 0,
    });
  });
}

/**
 * The best splits of one line into pieces (k-best dynamic programme over cut positions, each
 * piece scored as a name in the line's own context). A long one-line header ("Tkr Utfall
 * jan-aug 2016 Budget jan-aug 2016 …") has too many optional cuts to try them all.
 */
function splits(tokens: string[]): string[][] {
  const ctx = context([tokens.join(' ')]);
  // best[i]: up to BEAM splits of the first i words, cheapest first.
  const best: Array<Array<{ cost: number; pieces: string[] }>> = [[{ cost: 0, pieces: [] }]];
  for (let i = 1; i <= tokens.length; i++) {
    const options: Array<{ cost: number; pieces: string[] }> = [];
    for (let i0 = i - 1; i0 >= 0 && runOk(tokens, i0, i); i0--) {
      const piece = tokens.slice(i0, i).join(' ');
      const p = namePenalty(piece, ctx);
      for (const b of best[i0]) options.push({ cost: b.cost + p, pieces: [...b.pieces, piece] });
    }
    best.push(options.sort((a, b) => a.cost - b.cost).slice(0, BEAM));
  }
  return best[tokens.length].map((b) => b.pieces);
}

/** One line further up or down: each state either stops before it or takes it. */
function step(beam: State[], line: number, tokens: string[], corner: string[], dir: 'up' | 'down', mayStop = true): State[] {
  const next: State[] = [];
  for (const s of beam) {
    const open = dir === 'up' ? !s.closedUp && s.top === line + 1 : !s.closedDown && s.bottom === line - 1;
    if (!open) { next.push(s); continue; }
    if (mayStop) next.push(dir === 'up' ? { ...s, closedUp: true } : { ...s, closedDown: true });
    if (tokens.length === 0 || tokens.length > MAX_LINE_TOKENS) continue;
    const placed = place(s, tokens, dir);
    if (!placed) continue;
    next.push(rescore({
      ...s,
      names: placed.names,
      corner: dir === 'up' ? [...corner, ...s.corner] : [...s.corner, ...corner],
      topSet: dir === 'up' ? placed.used : s.topSet,
      bottomSet: dir === 'down' ? placed.used : s.bottomSet,
      top: dir === 'up' ? line : s.top,
      bottom: dir === 'down' ? line : s.bottom,
      words: s.words + tokens.length,
      cost: s.cost + placed.cost,
    }));
  }
  return best(next);
}

/**
 * The best placing of one line's words over the columns the neighbouring line holds: in
 * order, each column taking one run of words or none, certain cuts respected (a dynamic
 * programme over words × columns).
 */
function place(s: State, tokens: string[], dir: 'up' | 'down'): { names: string[]; used: number[]; cost: number } | null {
  const cols = dir === 'up' ? s.topSet : s.bottomSet;
  const ctx = context(s.names);
  const n = tokens.length;
  const m = cols.length;
  // dp[i][j]: best cost with the first i words placed over the first j columns.
  const dp: number[][] = Array.from({ length: n + 1 }, () => Array(m + 1).fill(Infinity));
  const from: Array<Array<number>> = Array.from({ length: n + 1 }, () => Array(m + 1).fill(-1));
  dp[0][0] = 0;
  const base = cols.map((c) => namePenalty(s.names[c], ctx));
  for (let j = 1; j <= m; j++) {
    const c = cols[j - 1];
    for (let i = 0; i <= n; i++) {
      if (dp[i][j - 1] < dp[i][j]) { dp[i][j] = dp[i][j - 1]; from[i][j] = i; }
      for (let i0 = i - 1; i0 >= 0; i0--) {
        if (!runOk(tokens, i0, i)) break;
        if (dp[i0][j - 1] === Infinity) continue;
        const piece = tokens.slice(i0, i).join(' ');
        const name = dir === 'up' ? stackJoin(piece, s.names[c]) : stackJoin(s.names[c], piece);
        const cost = dp[i0][j - 1] + namePenalty(name, ctx) - base[j - 1] + JOIN_COST * (i - i0 - 1);
        if (cost < dp[i][j]) { dp[i][j] = cost; from[i][j] = i0; }
      }
    }
  }
  if (dp[n][m] === Infinity) return null;
  const names = [...s.names];
  const used: number[] = [];
  let i = n;
  let cost = 0;
  for (let j = m; j >= 1; j--) {
    const i0 = from[i][j];
    if (i0 === i) continue;
    const c = cols[j - 1];
    const piece = tokens.slice(i0, i).join(' ');
    names[c] = dir === 'up' ? stackJoin(piece, s.names[c]) : stackJoin(s.names[c], piece);
    used.unshift(c);
    cost += JOIN_COST * (i - i0 - 1);
    i = i0;
  }
  return { names, used, cost };
}

/** Words i0..i-1 may form one piece: no certain cut inside. */
function runOk(tokens: string[], i0: number, i: number): boolean {
  for (let j = i0 + 1; j < i; j++) if (mustCut(tokens[j - 1], tokens[j])) return false;
  return true;
}

function rescore(s: State): State {
  const ctx = context(s.names);
  const penalty = s.names.reduce((sum, name) => sum + namePenalty(name, ctx), 0);
  return { ...s, score: penalty + s.cost - WORD_BONUS * s.words };
}

function best(states: State[]): State[] {
  return states.sort((a, b) => a.score - b.score).slice(0, BEAM);
}
