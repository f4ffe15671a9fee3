/**
 * Document metadata (Meta) from the title page, the file name and mention counts.
 *
 * Swedish municipal follow-up reports put the report type, year and organ on the title page
 * ("Socialnämndens vårbokslut 2019", "Delårsrapport 2 / 31 augusti / 2017", "2025 Årsbokslut /
 * Rapportperiod: 2025-12-31 / Organisation: Kultur- och fritidsnämnden"), but often not the
 * municipality, which then has to come from the file name or from "X kommun" in the body.
 * Evidence is weighed in that order: title block, file name, body. Doubt gives null and a
 * 'meta:<rule>' warning rather than a guess.
 */
import type { Meta } from '../model/document.js';
import { warning, type Diagnostic } from '../model/diagnostic.js';
import { ok, type Result } from '../model/result.js';
import { KOMMUNER, kommunByCode, type Kommun } from './kommuner.js';
import { nameKey, nfc, scanMunicipalityMentions } from './find-municipality.js';
import { normalizeSpace } from '../detect/cell-shape.js';

export interface MetaLine {
  text: string;
  page: number | null;
  line: number | null;
}

export interface DetectMetaInput {
  lines: MetaLine[];
  metaTitle: string | null;
  fileName: string;
}

/** Non-empty lines read as the head of the document (title page, table of contents). */
export const HEAD_LINES = 60;
/** Non-empty lines read as the title block, whose mentions outweigh the body's. */
export const TITLE_BLOCK_LINES = 15;
/**
 * Weights of municipality evidence. One title-block "X kommun" outweighs ten body mentions;
 * a file name ("hjo-2016-…") outweighs eight.
 */
export const MUNICIPALITY_WEIGHTS = {
  titleContext: 10,
  titleBare: 5,
  titleFuzzy: 3,
  fileName: 8,
  bodyContext: 1,
  bodyBare: 0.2,
} as const;
/** The runner-up must stay below this share of the winner's weight, or we do not decide. */
export const MUNICIPALITY_AMBIGUITY_RATIO = 0.6;
/** A body-only organ must be named this often and twice as often as the next one. */
export const ORGAN_MIN_BODY_MENTIONS = 3;

const REPORT_TYPES: readonly (readonly [string, string])[] = [
  ['delårsrapport', 'delårsrapport'],
  ['delårsbokslut', 'delårsrapport'],
  ['verksamhetsberättelse', 'verksamhetsberättelse'],
  ['verksamhetsuppföljning', 'verksamhetsuppföljning'],
  ['vårbokslut', 'vårbokslut'],
  ['uppföljningsrapport', 'uppföljningsrapport'],
  ['årsredovisning', 'årsredovisning'],
  ['årsredogörelse', 'årsredogörelse'],
  ['årsbokslut', 'årsbokslut'],
  ['bokslut', 'årsbokslut'],
  ['månadsrapport', 'månadsrapport'],
  ['månadsuppföljning', 'månadsrapport'],
  ['tertialrapport', 'tertialrapport'],
  ['tertialuppföljning', 'tertialrapport'],
];

/** Report types that cover a calendar year, so they end on 31 December. */
const ANNUAL_TYPES = new Set([
  'verksamhetsberättelse',
  'verksamhetsuppföljning',
  'årsredovisning',
  'årsredogörelse',
  'årsbokslut',
]);

const MONTHS = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni',
  'juli', 'augusti', 'september', 'oktober', 'november', 'december',
];
const MONTH_RE = '(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)';

/** Lower case without diacritics, for file names ("molndal", "delarsrapport"). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function endOfMonth(y: number, m: number): string {
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

const WHITESPACE = /\s/;
const EDGE_CHAR = /[*_\s]/;

/**
 * Strip Markdown/HTML emphasis and PDF leader junk; collapse spaces. Every line of the
 * document passes here, so each step runs only when its character occurs.
 */
function clean(text: string): string {
  let s = nfc(text);
  if (s.includes('<')) s = s.replace(/<\/?[a-z]+>/gi, '');
  if (s.includes('\u0008') || s.includes('\u00ad')) s = s.replace(/[\u0008\u00ad]/g, '');
  if (s.includes('#')) s = s.replace(/^\s*#+\s*/, '');
  if (EDGE_CHAR.test(s.charAt(0)) || EDGE_CHAR.test(s.charAt(s.length - 1))) {
    s = s.replace(/^[*_\s]+|[*_\s]+$/g, '');
  }
  return normalizeSpace(s);
}

/** Where a trailing page number, with the spaces around it, begins: "Mål ....... 12 " → 11. */
function pageNumberStart(raw: string): number {
  let i = raw.length;
  while (i > 0 && WHITESPACE.test(raw[i - 1])) i--;
  while (i > 0 && raw.charCodeAt(i - 1) >= 0x30 && raw.charCodeAt(i - 1) <= 0x39) i--;
  while (i > 0 && WHITESPACE.test(raw[i - 1])) i--;
  return i;
}

/** A table-of-contents entry: dot leaders (or pdf.js's U+FFFD leaders) or a tab and a page number. */
function isToc(raw: string): boolean {
  // The leader of /(\.{4,}|…|\ufffd{2,}|·{3,})\s*\d*\s*$/ must end where the page number begins,
  // so look there instead of running that regex from every position of a long line.
  const beforeNumber = raw.slice(0, pageNumberStart(raw));
  const leader = ['....', '…', '\ufffd\ufffd', '···'].some((l) => beforeNumber.endsWith(l));
  return leader || /\t\s*\d{1,3}\s*$/.test(raw);
}

interface Line extends MetaLine {
  clean: string;
  raw: string;
  /** Index in the input, to tell consecutive lines from lines with a blank between. */
  index: number;
}

function where(l: { page: number | null; line: number | null } | undefined) {
  return l ? { page: l.page, line: l.line } : {};
}

/** The report type named in `s`, the earliest keyword winning ("årsredogörelse och … årsrapport"). */
export function reportTypeOf(s: string): string | null {
  const f = fold(s);
  let best: { at: number; len: number; type: string } | null = null;
  for (const [word, type] of REPORT_TYPES) {
    const at = f.indexOf(fold(word));
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && word.length > best.len)) {
      best = { at, len: word.length, type };
    }
  }
  return best?.type ?? null;
}

/** The last explicit date in `s`: ISO "2025-12-31" or "31 augusti 2017". */
function explicitDate(s: string): string | null {
  let found: { at: number; iso: string } | null = null;
  for (const m of s.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) {
    const iso = isoDate(+m[1], +m[2], +m[3]);
    if (iso && (!found || m.index >= found.at)) found = { at: m.index, iso };
  }
  for (const m of s.matchAll(new RegExp(`(?<!\\d)(\\d{1,2})\\s+${MONTH_RE}\\s+(\\d{4})(?!\\d)`, 'giu'))) {
    const iso = isoDate(+m[3], MONTHS.indexOf(m[2].toLowerCase()) + 1, +m[1]);
    if (iso && (!found || m.index >= found.at)) found = { at: m.index, iso };
  }
  return found?.iso ?? null;
}

/** "Augusti 2016" or, given the year, a lone month name: the last day of that month. */
function monthEnd(s: string, year: number | null): string | null {
  const withYear = [...s.matchAll(new RegExp(`${MONTH_RE}\\s+(\\d{4})(?!\\d)`, 'giu'))].pop();
  if (withYear) return endOfMonth(+withYear[2], MONTHS.indexOf(withYear[1].toLowerCase()) + 1);
  const alone = [...s.matchAll(new RegExp(`(?<!\\p{L})${MONTH_RE}(?!\\p{L})`, 'giu'))].pop();
  if (alone && year !== null) return endOfMonth(year, MONTHS.indexOf(alone[1].toLowerCase()) + 1);
  return null;
}

function firstYear(s: string): number | null {
  const m = /(?<!\d)(19[89]\d|20\d\d)(?![\d-])/.exec(s) ?? /(?<!\d)(19[89]\d|20\d\d)(?!\d)/.exec(s);
  return m ? +m[1] : null;
}

/** "Rapportperiod: 2025-12-31", also several labels on one layout line split by wide gaps. */
function labels(lines: Line[]): { label: string; value: string; at: Line }[] {
  const out: { label: string; value: string; at: Line }[] = [];
  for (const l of lines) {
    // clean() adds no colon, so a line without one has no label.
    if (!l.raw.includes(':')) continue;
    for (const part of l.raw.split(/\s{3,}|\t/)) {
      const m = /^\s*([\p{Lu}][\p{L} ]{1,30}?)\s*:\s*(\S.*?)\s*$/u.exec(clean(part));
      if (m) out.push({ label: m[1].toLowerCase(), value: m[2], at: l });
    }
  }
  return out;
}

const ORGAN_LABELS = new Set(['organisation', 'nämnd', 'ansvarig nämnd', 'fastställd av', 'gäller för', 'organ']);
const PERIOD_LABELS = new Set(['rapportperiod', 'redovisningsperiod', 'period', 'avser period', 'per', 'bokslutsdatum']);
const ORGAN_WORD = /(nämnd|nämnden|styrelse|styrelsen|revision|revisionen|fullmäktige|utskott|utskottet)$/iu;
const UNIT_PREFIX = /^(Sektor|Förvaltning|Verksamhetsområde|Område)\s+\p{L}/u;
const GENERIC_HEADING =
  /^(innehåll|innehållsförteckning|sammanfattning|inledning|bakgrund|förord|verksamhet|ekonomi|personal|uppdrag|enhetens uppdrag|status|bilaga|till|handling)/iu;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isOrganLine(s: string): boolean {
  const words = s.split(' ');
  return (
    s.length <= 60 &&
    words.length <= 7 &&
    /^\p{Lu}/u.test(s) &&
    !/[\d:]/.test(s) &&
    (ORGAN_WORD.test(s) || UNIT_PREFIX.test(s))
  );
}

/**
 * A title page line that continues the title: a date or year ("31 augusti", "2017"), or a
 * lower-case or connector-led wrap ("… årsredogörelse och" / "revisorskollegiets årsrapport").
 * A capitalised line is a new item ("Arbete och Socialtjänst", "Fastställd av …").
 */
function isTitleContinuation(s: string, previous: string): boolean {
  if (new RegExp(`^(\\d{1,2}\\s+)?${MONTH_RE}(\\s+\\d{4})?$`, 'iu').test(s)) return true;
  if (/^\d{4}(\s*[-–]\s*\d{4})?$/.test(s)) return true;
  return /^\p{Ll}/u.test(s) || /(\s(och|för|samt|&)|[-–])$/u.test(previous);
}

/** A short capitalised line next to the title that names who reports ("Arbete och Socialtjänst"). */
function isNameLine(s: string): boolean {
  return (
    s.length <= 50 &&
    s.split(' ').length <= 5 &&
    /^\p{Lu}/u.test(s) &&
    !/[\d:.;?!]/.test(s) &&
    !GENERIC_HEADING.test(s) &&
    !new RegExp(`(?<!\\p{L})${MONTH_RE}(?!\\p{L})`, 'iu').test(s) &&
    reportTypeOf(s) === null &&
    scanMunicipalityMentions(s).length === 0
  );
}

/** "Socialnämndens vårbokslut" → "Socialnämnden"; "Stadsrevisionens årsredogörelse" → "Stadsrevisionen". */
function organFromGenitive(title: string): string | null {
  const m = /^((?:[\p{L}]+-?\s(?:och|&)\s)?\p{L}*(?:nämnd|styrelse|revision)en)s(?!\p{L})/iu.exec(title);
  return m ? capitalise(m[1]) : null;
}

const NAMND = /nämnd/iu;

/** Most-named organ in the body: "socialnämndens verksamheter" ×9 → "Socialnämnden". */
function organFromBody(lines: Line[]): { organ: string; count: number } | null {
  const counts = new Map<string, number>();
  const re = /(?<!\p{L})((?:\p{L}+-\s(?:och|&)\s)?\p{L}+nämnd)(?:en|ens|s)?(?!\p{L})/giu;
  for (const l of lines) {
    // Most lines name no nämnd; this cheap search (same flags) skips them.
    if (!NAMND.test(l.clean)) continue;
    for (const m of l.clean.matchAll(re)) {
      const key = m[1].toLowerCase();
      if (key === 'nämnd') continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) return null;
  const [top, next] = ranked;
  if (top[1] < ORGAN_MIN_BODY_MENTIONS || (next && next[1] * 2 > top[1])) return null;
  return { organ: capitalise(`${top[0]}en`), count: top[1] };
}

const foldedNames = new Map<string, Kommun>(KOMMUNER.map((k) => [fold(nameKey(k.name)), k]));

function municipalityFromFileName(fileName: string): Kommun | null {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const tokens = fold(stem).split(/[^a-z0-9]+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const two = i + 1 < tokens.length ? foldedNames.get(`${tokens[i]} ${tokens[i + 1]}`) : undefined;
    if (two) return two;
    const one = foldedNames.get(tokens[i]);
    if (one) return one;
  }
  return null;
}

interface Tally {
  kommun: Kommun;
  weight: number;
  first: Line | null;
}

export function detectMeta(input: DetectMetaInput): Result<Meta> {
  const diagnostics: Diagnostic[] = [];
  // Spelled out: spreading the input line into a wider object is V8's slow path.
  const all: Line[] = input.lines.map((l, index) => ({
    text: l.text,
    page: l.page,
    line: l.line,
    raw: l.text,
    clean: clean(l.text),
    index,
  }));
  const lines = all.filter((l) => l.clean !== '');
  const head = lines.slice(0, HEAD_LINES);
  const titleBlock = lines.slice(0, TITLE_BLOCK_LINES);
  const metaTitle = input.metaTitle?.trim() || null;
  // Callers may pass a path; only the last segment names the report ("…/2016/hjo.txt").
  const fileName = input.fileName.replace(/^.*[\\/]/, '');

  // Title: the first short head line that names a report type near its start.
  const titleAt = head.findIndex((l) => {
    if (isToc(l.raw) || l.clean.length > 100 || /[.:]$/.test(l.clean)) return false;
    const firstWords = l.clean.split(' ').slice(0, 4).join(' ');
    return reportTypeOf(firstWords) !== null;
  });
  let title: string | null = null;
  let titleEnd = titleAt;
  if (titleAt >= 0) {
    const parts = [head[titleAt].clean];
    // Continuation lines follow without a blank line: "Delårsrapport 2" / "31 augusti" / "2017".
    for (let j = titleAt + 1; j < head.length && j <= titleAt + 3; j++) {
      const l = head[j];
      if (l.index !== head[j - 1].index + 1) break;
      if (isToc(l.raw) || l.clean.length > 60 || l.clean.includes(':') || l.clean === parts[0]) break;
      if (isOrganLine(l.clean) || scanMunicipalityMentions(l.clean).length > 0) break;
      if (GENERIC_HEADING.test(l.clean) || !isTitleContinuation(l.clean, parts[parts.length - 1])) break;
      parts.push(l.clean);
      titleEnd = j;
    }
    title = parts.join(' ');
  } else if (metaTitle) {
    title = metaTitle;
  }

  // Report type: the title's, else the PDF title's, else the file name's.
  let reportType = (title ? reportTypeOf(title) : null) ?? (metaTitle ? reportTypeOf(metaTitle) : null);
  reportType ??= reportTypeOf(fileName.replace(/[_-]+/g, ' '));
  if (!reportType) {
    diagnostics.push(warning('meta:report-type-not-found', 'No report type (delårsrapport, verksamhetsberättelse, …) in the title or file name'));
  }

  const headLabels = labels(head);

  // Year: the title's, else a period label's, else the file name's.
  const fileYear = firstYear(fold(fileName).replace(/[^0-9]+/g, ' '));
  const labelDate = headLabels
    .filter((x) => PERIOD_LABELS.has(x.label))
    .map((x) => ({ iso: explicitDate(x.value), at: x.at }))
    .find((x) => x.iso !== null);
  let year = title ? firstYear(title) : null;
  year ??= labelDate?.iso ? +labelDate.iso.slice(0, 4) : null;
  year ??= metaTitle ? firstYear(metaTitle) : null;
  year ??= fileYear;
  if (year === null) {
    diagnostics.push(warning('meta:year-not-found', 'No report year in the title, a period label or the file name'));
  } else if (fileYear !== null && fileYear !== year) {
    diagnostics.push(
      warning('meta:year-conflict', `The title says ${year} but the file name says ${fileYear}; using ${year}`, where(head[titleAt])),
    );
  }

  // Period end: an explicit label, then a date or month in the title block, then the type.
  let periodEnd: string | null = labelDate?.iso ?? null;
  const titleText = titleAt >= 0 ? head.slice(titleAt, titleEnd + 1).map((l) => l.clean).join(' ') : (metaTitle ?? '');
  periodEnd ??= explicitDate(titleText) ?? monthEnd(titleText, year);
  if (!periodEnd && year !== null && reportType) {
    if (ANNUAL_TYPES.has(reportType)) {
      periodEnd = `${year}-12-31`;
    } else if (reportType === 'vårbokslut') {
      // A vårbokslut covers January–April, but only trust that when the text says so.
      const april = /(per|t\.?\s?o\.?\s?m\.?|till och med|sista)\s+(den\s+)?(30\s+)?april|jan(uari)?\s*(-|–|till)\s*april|första tertialet/iu;
      if (lines.some((l) => april.test(l.clean))) periodEnd = `${year}-04-30`;
    } else {
      periodEnd = perDateInHead(head, year);
    }
  }
  if (!periodEnd) {
    diagnostics.push(
      warning('meta:period-end-not-found', `No period end for ${reportType ?? 'this report'}: no date in the title or a period label`),
    );
  }

  const organ = detectOrgan(lines, head, headLabels, title, titleAt, titleEnd, diagnostics);
  const kommun = detectMunicipality(lines, titleBlock, metaTitle, fileName, diagnostics);

  return ok<Meta>(
    {
      municipality: kommun?.name ?? null,
      municipalityCode: kommun?.code ?? null,
      organ,
      reportType,
      year,
      periodEnd,
      title,
    },
    diagnostics,
  );
}

/** "per 30 juni", "per den 31 augusti" in the head (outside the table of contents), if one date only. */
function perDateInHead(head: Line[], year: number): string | null {
  const found = new Set<string>();
  const re = new RegExp(`(?<!\\p{L})per\\s+(?:den\\s+)?(\\d{1,2})\\s+${MONTH_RE}`, 'giu');
  for (const l of head) {
    if (isToc(l.raw)) continue;
    for (const m of l.clean.matchAll(re)) {
      const iso = isoDate(year, MONTHS.indexOf(m[2].toLowerCase()) + 1, +m[1]);
      if (iso) found.add(iso);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

function detectOrgan(
  lines: Line[],
  head: Line[],
  headLabels: { label: string; value: string; at: Line }[],
  title: string | null,
  titleAt: number,
  titleEnd: number,
  diagnostics: Diagnostic[],
): string | null {
  const labelled = headLabels.find((x) => ORGAN_LABELS.has(x.label) && /^\p{L}/u.test(x.value));
  if (labelled) return capitalise(labelled.value.replace(/[.,;]+$/, ''));

  const genitive = title ? organFromGenitive(title) : null;
  if (genitive) return genitive;

  const organLines = head.slice(0, TITLE_BLOCK_LINES + 5).filter((l) => !isToc(l.raw) && isOrganLine(l.clean));
  const organLine = organLines.find((l) => !/fullmäktige$/iu.test(l.clean));
  if (organLine) return organLine.clean;

  if (titleAt >= 0) {
    const near = [head[titleEnd + 1], head[titleEnd + 2], head[titleAt - 1]].filter((l): l is Line => !!l);
    for (const l of near) {
      if (isToc(l.raw)) continue;
      if (isNameLine(l.clean)) return l.clean;
      if (l === head[titleEnd + 1] && !isNameLine(l.clean) && GENERIC_HEADING.test(l.clean)) break;
    }
  }

  const body = organFromBody(lines);
  if (body) {
    diagnostics.push({
      ...warning('meta:organ-from-body', `No organ on the title page; "${body.organ}" is named ${body.count} times in the text`),
      severity: 'info',
    });
    return body.organ;
  }
  if (organLines[0]) return organLines[0].clean;
  diagnostics.push(warning('meta:organ-not-found', 'No nämnd, styrelse or verksamhet named on the title page or in the text'));
  return null;
}

function detectMunicipality(
  lines: Line[],
  titleBlock: Line[],
  metaTitle: string | null,
  fileName: string,
  diagnostics: Diagnostic[],
): Kommun | null {
  const W = MUNICIPALITY_WEIGHTS;
  const tally = new Map<string, Tally>();
  const add = (code: string, weight: number, at: Line | null) => {
    const kommun = kommunByCode(code);
    if (!kommun) return;
    const t = tally.get(code) ?? { kommun, weight: 0, first: at };
    t.weight += weight;
    tally.set(code, t);
  };
  const titleSet = new Set(titleBlock);
  const titleSources: { text: string; at: Line | null }[] = [
    ...titleBlock.map((l) => ({ text: l.clean, at: l })),
    ...(metaTitle ? [{ text: metaTitle, at: null }] : []),
  ];
  for (const { text, at } of titleSources) {
    for (const m of scanMunicipalityMentions(text, { fuzzyBare: true })) {
      const w = m.context ? W.titleContext : m.method === 'fuzzy' ? W.titleFuzzy : W.titleBare * m.score;
      add(m.code, w, at);
    }
  }
  const fromFile = municipalityFromFileName(fileName);
  if (fromFile) add(fromFile.code, W.fileName, null);
  for (const l of lines) {
    if (titleSet.has(l)) continue;
    for (const m of scanMunicipalityMentions(l.clean)) {
      add(m.code, m.context ? W.bodyContext : W.bodyBare * m.score, l);
    }
  }

  const ranked = [...tally.values()].sort((a, b) => b.weight - a.weight);
  const [best, next] = ranked;
  if (!best) {
    diagnostics.push(warning('meta:municipality-not-found', 'No municipality named in the title, the file name or the text'));
    return null;
  }
  if (next && next.weight >= best.weight * MUNICIPALITY_AMBIGUITY_RATIO) {
    diagnostics.push(
      warning(
        'meta:municipality-ambiguous',
        `Both ${best.kommun.name} (${best.weight.toFixed(1)}) and ${next.kommun.name} (${next.weight.toFixed(1)}) are named about as often`,
        where(best.first ?? undefined),
      ),
    );
    return null;
  }
  if (fromFile && fromFile.code !== best.kommun.code) {
    diagnostics.push(
      warning('meta:municipality-conflict', `The file name names ${fromFile.name} but the text names ${best.kommun.name}; using ${best.kommun.name}`),
    );
  }
  return best.kommun;
}
