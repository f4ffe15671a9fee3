/**
 * Column names of a flattened header line.
 *
 * With the tabs gone, "tkr Utfall 2015 Utfall 2016 Budget 2016 Prognos per 2016-08-31
 * Avvikelse mot budget" has to be cut where a column name starts. Column names in these
 * reports open with a capitalised measure word (Utfall, Budget, Prognos, Avvikelse …) or,
 * in year tables ("mnkr 2017 2016 2015", "Nivå 2017"), with a bare year after a name that
 * already has one. Lower-case words ("Avvikelse prognos budget helår") continue a name.
 * Glued headers ("IntäktKostnadResultat", "mnkr201720162015") are cut at the same places.
 */

/** Words that open a column name when capitalised. A stem may go on in lower case ("Intäkter"). */
export const COLUMN_START = new RegExp(
  '^(?:Utfall|Budget|Prognos|Årsprognos|Avvikelse|Bokslut|Vårbokslut|Delårsbokslut|Årsbokslut|Differens|Diff'
  + '|Intäkt|Kostnad|Kommunbidrag|Resultat|Netto|Nivå|Mål|Målvärde|Ack|Förändring|Redovisat|Helår|Period'
  + '|Jämförelse|Ingående|Utgående|Årets|Kön|Total|Återstår|Återstående)\\p{Ll}*(?:[./].*)?$', 'u',
);
/** "Not" (the note-number column of a resultaträkning) only as the whole word. */
export const NOTE = /^Not$/;
export const YEAR = /^(?:19|20)\d{2}$/;
/** Header lines hold names, not sentences. */
const MAX_HEADER_CHARS = 260;

export type ColumnRole =
  | 'note' | 'percent' | 'deviation' | 'revenue' | 'cost' | 'grant' | 'result'
  | 'opening' | 'change' | 'closing' | 'count' | 'text' | 'money';

export interface FlatHeader {
  corner: string;
  columns: string[];
}

/** Header of a flattened table, or null when the line does not read as column names. */
export function parseFlatHeader(text: string): FlatHeader | null {
  const t = text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
  if (t === '' || t.length > MAX_HEADER_CHARS || /[.!?:]\s+\p{Lu}/u.test(t)) return null;
  const words = splitWords(t);
  // Numbers other than years and dates say this is a data row.
  if (words.some((w) => /\d/.test(w) && !isYearish(w))) return null;
  let corner: string[] = [];
  const columns: string[][] = [];
  for (const w of words) {
    const cur = columns[columns.length - 1];
    const starts = COLUMN_START.test(w) || NOTE.test(w)
      || (YEAR.test(w) && (cur === undefined || cur.some((x) => YEAR.test(x) || /^(?:19|20)\d{2}\W/.test(x))));
    if (starts) columns.push([w]);
    else if (cur) cur.push(w);
    else corner = [...corner, w];
  }
  if (columns.length < 2) return null;
  return { corner: joinWords(corner), columns: columns.map(joinWords) };
}

/**
 * Lower-case words of column names and month ranges. In glued text one may start right after
 * a letter where case shows no joint ("Utfall/redovisatprognos", "helårhelår", "jan-augjan-aug",
 * "Tkrperioden"): cut there when the letters before it are a lower-case word, a unit or the
 * same word again. After a capitalised stem it is a compound ("Vårbokslut", "Nettobudget").
 */
const MONTH = '(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)';
const WORD = `(?:prognos|budget|utfall|helår|perioden|avvikelse|bokslut|${MONTH}[-–]${MONTH})`;
const VOCABULARY = new RegExp(`(?<=\\p{L})${WORD}(?=[^\\p{Ll}]|$|${WORD})`, 'gu');

function cutGlued(t: string): string {
  return t.replace(VOCABULARY, (word, at: number) => {
    const left = /\p{L}+$/u.exec(t.slice(0, at))![0];
    const cut = /^\p{Ll}/u.test(left) || /^(?:tkr|mnkr|kr)$/i.test(left) || left.toLowerCase() === word.toLowerCase();
    return cut ? ` ${word}` : word;
  });
}

/**
 * Words at spaces, and at the joints glued text leaves ("2016Budget", "tkrUtfall",
 * "201720162015"); with `glued`, also at the joints only a vocabulary shows (cutGlued), around
 * a bracket ("2016(aktuell)helår"), between a year and a year or a date ("20192018", "201608-31"), and
 * between a number and a word ("2019helår", "2016-Avvikelse").
 */
export function splitWords(t: string, glued = false): string[] {
  const byCase = t
    .replace(/(\p{Ll}|\d|\))(?=\p{Lu}\p{Ll})/gu, '$1 ')
    .replace(/(\p{L})(?=(?:19|20)\d{2})/gu, '$1 ');
  const cut = glued
    ? cutGlued(byCase)
      .replace(/(\S)(?=\()/g, '$1 ')
      .replace(/\)(?=[\p{L}\d])/gu, ') ')
      .replace(/((?:19|20)\d{2})(?=\d{2}[-–]\d{2}|(?:19|20)\d{2})/gu, '$1 ')
      .replace(/(\d[-–]?)(?=\p{L})/gu, '$1 ')
    : byCase;
  const spaced = cut.split(' ').filter((w) => w !== '');
  return spaced.flatMap((w) => (/^(?:(?:19|20)\d{2}){2,}$/.test(w) ? w.match(/\d{4}/g)! : [w]));
}

/** Glued words are rejoined without the space splitWords put in. */
function joinWords(words: string[]): string {
  return words.join(' ');
}

export function isYearish(w: string): boolean {
  return /^\(?(?:19|20)\d{2}(?:[-–/](?:\d{2}|(?:19|20)\d{2})(?:-\d{2})?)?\)?[,:]?$/.test(w);
}

export function columnRole(name: string): ColumnRole {
  const n = name.toLowerCase();
  // "Kön" holds words (Alla, Kvinnor, Män), which flattened text leaves in the row label.
  if (/^kön$/u.test(n)) return 'text';
  if (NOTE.test(name)) return 'note';
  if (n.includes('%') || /(?<!\p{L})procent/u.test(n)) return 'percent';
  if (/avvikelse|differens|^diff|^återst/u.test(n)) return 'deviation';
  if (/^intäkt/u.test(n)) return 'revenue';
  if (/^kostnad/u.test(n)) return 'cost';
  if (/^kommunbidrag/u.test(n)) return 'grant';
  if (/^(?:årets )?resultat|^netto/u.test(n)) return 'result';
  if (/^ingående/u.test(n)) return 'opening';
  if (/^(?:årets|förändring)/u.test(n)) return 'change';
  if (/^utgående/u.test(n)) return 'closing';
  // "Antal 2023" beside "Bokslut 2023": counts, of another size than the amounts.
  if (/^antal(?!\p{L})/u.test(n)) return 'count';
  return 'money';
}
