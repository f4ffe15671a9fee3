/**
 * What a column header says about its values: the measure (Utfall, Budget, Prognos …) and
 * the period ("2017", "jan-aug 2016", "T2 2016", "helår").
 */
import type { BudgetMeasure, IndicatorValueKind } from '../model/index.js';

const word = (w: string) => new RegExp(`(?<!\\p{L})${w}`, 'iu');

/** Checked in order: "Avvikelse prognos/budget" is a deviation, "Utfall i % av budget" a ratio. */
const MEASURES: ReadonlyArray<readonly [RegExp, BudgetMeasure]> = [
  [word('(?:avvikelse|differens|budgetavvikelse|diff\\.?(?!\\p{L}))'), 'deviation'],
  [/%|(?<!\p{L})procent/iu, 'other'],
  [word('(?:års)?prognos'), 'forecast'],
  [word('budget'), 'budget'],
  [word('(?:utfall|bokslut|vårbokslut|delårsbokslut|redovisa|bokfört|verklig)'), 'outcome'],
  [word('netto'), 'net'],
  [word('intäkt'), 'revenue'],
  [word('kostnad'), 'cost'],
  [word('(?:kommunbidrag|anslag|ram(?!\\p{L}))'), 'grant'],
  [word('(?:årets )?resultat'), 'result'],
];
const BARE_YEAR = /^(?:19|20)\d{2}$/;

export function budgetMeasure(column: string): BudgetMeasure {
  for (const [re, measure] of MEASURES) if (re.test(column)) return measure;
  return BARE_YEAR.test(column.trim()) ? 'outcome' : 'other';
}

const INDICATOR_KINDS: ReadonlyArray<readonly [RegExp, IndicatorValueKind]> = [
  [word('(?:års)?prognos'), 'forecast'],
  [word('(?:målvärde|målnivå|mål|nivå|budget|plan)'), 'target'],
  [word('(?:medel|snitt|riket|länet|jämförelse|referens)'), 'reference'],
];

/** Value kind of an indicator column; a bare year or "Utfall …" is an outcome. */
export function indicatorKind(column: string): IndicatorValueKind {
  for (const [re, kind] of INDICATOR_KINDS) if (re.test(column)) return kind;
  return 'outcome';
}

const MONTH = '(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\\p{L}*\\.?';
const MONTH_RANGE = new RegExp(`(${MONTH})\\s*[-–]\\s*(${MONTH})`, 'iu');
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;
const YEAR_RANGE = /(?<!\d)((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)\d{2})(?!\d)/;
const TERM = /(?<!\p{L})(t[1-3]|tertial\s*[1-3]|q[1-4]|kvartal\s*[1-4]|vt|ht)\s*((?:19|20)\d{2})/iu;
const ISO_DATE = /(?<!\d)((?:19|20)\d{2})-\d{2}-\d{2}(?!\d)/;

/**
 * The period a column covers, from its header. A forecast dated "per 2016-08-31" or made
 * in "jan-aug 2016" is a forecast for the year, so forecasts keep only the year.
 */
export function periodOf(column: string, opts: { forecast?: boolean } = {}): string | null {
  const base = basePeriod(column, opts.forecast ?? false);
  const previousYear = /föregående år/iu.test(column) && (base === null || !YEAR.test(base));
  if (previousYear) return base === null ? 'föregående år' : `föregående år, ${base}`;
  return base;
}

function basePeriod(column: string, forecast: boolean): string | null {
  const months = MONTH_RANGE.exec(column);
  const year = YEAR.exec(column)?.[1] ?? null;
  // "Årsprognos jan-aug 2016", "Prognos per 2016-08-31": made then, for the whole year.
  if (forecast && year !== null && !YEAR_RANGE.test(column)) return year;
  if (months) {
    const label = `${months[1]}-${months[2]}`.toLowerCase();
    return year === null ? label : `${label} ${year}`;
  }
  const term = TERM.exec(column);
  if (term) return `${term[1].toUpperCase().replace(/\s+/g, ' ')} ${term[2]}`;
  const date = ISO_DATE.exec(column);
  if (date) return date[0];
  const range = YEAR_RANGE.exec(column);
  if (range) return `${range[1]}-${range[2]}`;
  if (year !== null) return year;
  if (/(?<!\p{L})helår/iu.test(column)) return 'helår';
  if (/(?<!\p{L})period(?:en)?(?!\p{L})/iu.test(column)) return 'perioden';
  return null;
}
