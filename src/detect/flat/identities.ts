/**
 * Arithmetic one row must obey, by what its columns hold: Avvikelse/Differens = the difference
 * of two other columns, Intäkt + Kostnad (+ Kommunbidrag) = Resultat, "Utfall i % av budget" =
 * 100·a/b, Ingående + Årets = Utgående.
 *
 * Which two columns a deviation subtracts, and in which order (Budget − Utfall or the reverse),
 * is learnt from the rows the split already settles: when they all agree on one ordered pair,
 * the other rows are held to it, and an empty cell in that pair counts as 0 there
 * ("Alkoholtillstånd  1  1": Utfall 1, Budget blank, Återstår 1).
 */
import type { ColumnRole } from './header.js';
import { agreedCell, num, within, type Cells, type RowState } from './cells.js';

export type Verdict = 'pass' | 'fail' | 'n/a';

export interface Identity {
  name: string;
  test: (cells: Cells) => Verdict;
}

/** Deviation column → the ordered pair [a, b] it is the difference a − b of. */
export type Orientations = Map<number, [number, number]>;

/** Rows whose settled cells show the same ordered pair before it is believed. */
const MIN_ORIENTATION_ROWS = 2;

export function rowIdentities(roles: ColumnRole[], learned: Orientations = new Map()): Identity[] {
  const idx = (r: ColumnRole) => roles.flatMap((x, c) => (x === r ? [c] : []));
  const money = idx('money');
  const out: Identity[] = [];
  for (const d of idx('deviation')) {
    const pair = learned.get(d);
    out.push(pair ? orientedDeviation(d, pair) : anyDeviation(d, money));
  }
  for (const p of idx('percent')) out.push(percentOf(p, money));
  const [rev, cost, grant, res] = [idx('revenue')[0], idx('cost')[0], idx('grant')[0], idx('result')[0]];
  if (rev !== undefined && res !== undefined) out.push(resultIdentity(rev, cost, grant, res));
  const [open, change, close] = [idx('opening')[0], idx('change')[0], idx('closing')[0]];
  if (open !== undefined && change !== undefined && close !== undefined) out.push(balanceIdentity(open, change, close));
  return out;
}

function anyDeviation(d: number, money: number[]): Identity {
  return {
    name: `column ${d + 1} is the difference of two others`,
    test: (cells) => {
      if (num(cells[d]) === null) return 'n/a';
      // Plain loops: this runs for every reading of every row.
      let terms = 0;
      for (const a of money) {
        if (num(cells[a]) === null) continue;
        terms++;
        for (const b of money) if (b !== a && num(cells[b]) !== null && differs(cells, d, a, b)) return 'pass';
      }
      return terms < 2 ? 'n/a' : 'fail';
    },
  };
}

function orientedDeviation(d: number, [a, b]: [number, number]): Identity {
  return {
    name: `column ${d + 1} = column ${a + 1} − column ${b + 1}, as in the rows already settled`,
    test: (cells) => {
      const dv = num(cells[d]);
      if (dv === null || (cells[a] === null && cells[b] === null)) return 'n/a';
      // A printed dash is no number; only a blank cell counts as 0 here.
      if ((cells[a] && num(cells[a]) === null) || (cells[b] && num(cells[b]) === null)) return 'n/a';
      // 0 = 0 − blank says nothing about where the zeros stand.
      if ((cells[a] === null || cells[b] === null) && (num(cells[a]) ?? num(cells[b])) === 0) return 'n/a';
      const used = [cells[d]!, cells[a], cells[b]].filter((p) => p !== null);
      return within(dv - ((num(cells[a]) ?? 0) - (num(cells[b]) ?? 0)), used) ? 'pass' : 'fail';
    },
  };
}

function differs(cells: Cells, d: number, a: number, b: number): boolean {
  return within(num(cells[d])! - (num(cells[a])! - num(cells[b])!), [cells[d]!, cells[a]!, cells[b]!]);
}

function orderedPairs(terms: number[]): Array<[number, number]> {
  return terms.flatMap((a) => terms.filter((b) => b !== a).map((b): [number, number] => [a, b]));
}

function percentOf(p: number, money: number[]): Identity {
  return {
    name: `column ${p + 1} is one column as a per cent of another`,
    test: (cells) => {
      const pv = num(cells[p]);
      const terms = money.filter((c) => num(cells[c]) !== null && num(cells[c]) !== 0);
      if (pv === null || terms.length < 2) return 'n/a';
      const tol = 0.5 * 10 ** -cells[p]!.decimals + 0.05;
      return orderedPairs(terms).some(([a, b]) => Math.abs(pv - (100 * num(cells[a])!) / num(cells[b])!) <= tol) ? 'pass' : 'fail';
    },
  };
}

function resultIdentity(rev: number, cost: number | undefined, grant: number | undefined, res: number): Identity {
  return {
    name: 'Intäkt + Kostnad (+ Kommunbidrag) = Resultat',
    test: (cells) => {
      const r = num(cells[rev]);
      const R = num(cells[res]);
      if (r === null || R === null) return 'n/a';
      const k = cost === undefined ? 0 : num(cells[cost]) ?? 0;
      const g = grant === undefined ? 0 : num(cells[grant]) ?? 0;
      const used = [rev, res, cost, grant].flatMap((c) => (c !== undefined && cells[c] ? [cells[c]!] : []));
      return within(r + g + k - R, used) || within(r + g - k - R, used) ? 'pass' : 'fail';
    },
  };
}

function balanceIdentity(open: number, change: number, close: number): Identity {
  return {
    name: 'Ingående + Årets = Utgående',
    test: (cells) => {
      const [a, b, c] = [num(cells[open]), num(cells[change]), num(cells[close])];
      if (a === null || b === null || c === null) return 'n/a';
      return within(a + b - c, [cells[open]!, cells[change]!, cells[close]!]) ? 'pass' : 'fail';
    },
  };
}

/**
 * The ordered pair each deviation column is the difference of, where the rows whose cells are
 * settled (every reading agrees) all show one and the same pair. Rows where no pair adds up
 * (printed tables are not always right) say nothing.
 */
export function learnOrientations(rows: RowState[], roles: ColumnRole[]): Orientations {
  const money = roles.flatMap((x, c) => (x === 'money' ? [c] : []));
  const learned: Orientations = new Map();
  roles.forEach((role, d) => {
    if (role !== 'deviation') return;
    let common: Array<[number, number]> | null = null;
    let evidence = 0;
    for (const row of rows) {
      if (row.candidates.length === 0 || ![d, ...money].every((c) => agreedCell(row, c))) continue;
      const cells = row.candidates[0];
      const terms = money.filter((c) => num(cells[c]) !== null);
      if (num(cells[d]) === null || terms.length < 2) continue;
      const pairs = orderedPairs(terms).filter(([a, b]) => differs(cells, d, a, b));
      if (pairs.length === 0) continue;
      evidence++;
      common = common === null ? pairs : common.filter(([a, b]) => pairs.some(([x, y]) => x === a && y === b));
    }
    if (common && common.length === 1 && evidence >= MIN_ORIENTATION_ROWS) learned.set(d, common[0]);
  });
  return learned;
}

/** A check removes readings only when some reading of the row passes it. */
export function applyRowIdentities(row: RowState, identities: Identity[]): void {
  if (row.candidates.length < 2) return;
  for (const id of identities) {
    const verdicts = row.candidates.map(id.test);
    if (!verdicts.includes('pass') || !verdicts.includes('fail')) continue;
    const before = row.candidates.length;
    row.candidates = row.candidates.filter((_, k) => verdicts[k] !== 'fail');
    row.notes.push(`${id.name}: ${before - row.candidates.length} of ${before} readings fail it`);
  }
}
