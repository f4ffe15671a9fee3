/**
 * The money unit of a table, and conversion to thousands of kronor (tkr).
 *
 * Reports state the unit once: in the caption ("Belopp i tkr", "(tkr)"), or in the corner
 * cell above the row labels ("tkr", "IFO Myndighet Tkr", "mnkr"). A "%" inside a column
 * header ("Utfall i % av budget") describes that column only, so the percent unit is taken
 * from the caption or corner cell alone.
 */
import type { Unit } from '../model/index.js';
import { stripEmphasis } from '../normalize/markup.js';

const MONEY_UNITS: ReadonlyArray<readonly [RegExp, Unit]> = [
  [/(?<!\p{L})(?:mnkr|mkr|mn kr|miljoner kronor|milj\.? ?kr(?:onor)?)(?!\p{L})/iu, 'mnkr'],
  [/(?<!\p{L})(?:tkr|tusen kronor|tusental kronor)(?!\p{L})/iu, 'tkr'],
  [/(?<!\p{L})(?:kr|kronor)(?!\p{L})/iu, 'kr'],
];
const PERCENT = /%|(?<!\p{L})procent(?!\p{L})/iu;
/** Header cells that count things, not money: a unit in the caption does not apply to them. */
const COUNT_HEADER = /^(?:antal|årsarbetare|st)(?!\p{L})/iu;

/**
 * A column that counts things ("Antal 2023", "Bidrag / Antal"): its lowest header level opens
 * with a count word, so the table's money unit does not apply to it.
 */
export function isCountColumn(label: string): boolean {
  const lowest = label.split(' / ').pop() ?? '';
  return COUNT_HEADER.test(stripEmphasis(lowest).trim());
}

export function detectUnit(caption: string | null, headerCells: string[]): Unit | null {
  const cells = headerCells.map(stripEmphasis);
  const corner = cells[0] ?? '';
  const inCorner = moneyUnit(corner) ?? (PERCENT.test(corner) ? '%' : null);
  if (inCorner) return inCorner;
  const inCaption = caption === null ? null : moneyUnit(caption) ?? (PERCENT.test(caption) ? '%' : null);
  if (inCaption) {
    const counting = cells.slice(1).filter((c) => c !== '');
    const allCounts = counting.length > 0 && counting.every((c) => COUNT_HEADER.test(c));
    return allCounts ? null : inCaption;
  }
  for (const cell of cells.slice(1)) {
    const unit = moneyUnit(cell);
    if (unit) return unit;
  }
  return null;
}

function moneyUnit(text: string): Unit | null {
  for (const [re, unit] of MONEY_UNITS) if (re.test(text)) return unit;
  return null;
}

const TKR_PER: Partial<Record<Unit, number>> = { tkr: 1, mnkr: 1000, kr: 0.001 };
/** Decimal places kept after scaling, so 124,8 mnkr is 124800 and not 124799.99999999999. */
const SCALE_PRECISION = 1e6;

export function toTkr(value: number | null, unit: Unit | null): number | null {
  if (value === null || unit === null) return null;
  const factor = TKR_PER[unit];
  if (factor === undefined) return null;
  return Math.round(value * factor * SCALE_PRECISION) / SCALE_PRECISION;
}
