/**
 * Due dates as activity plans print them: "2016-12-31", "2016-06-30 2016-12-31" (two
 * checkpoints), "2019", "december 2017", "Dec 2017", "31/12 2017", "VT 2018".
 * Results are ISO strings at the precision printed: YYYY-MM-DD, YYYY-MM or YYYY.
 */

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, february: 2,
  mars: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  maj: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  augusti: 8, aug: 8, august: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const YEAR = '((?:19|20)\\d{2})';

/** Alternatives, most specific first; each names its own groups through `read`. */
const PATTERNS: Array<{ re: string; read: (g: string[]) => string | null }> = [
  { re: `(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)`, read: ([y, m, d]) => isoDate(y, m, d) },
  { re: `(?<!\\d)(\\d{1,2})/(\\d{1,2})[\\s/-]*${YEAR}(?!\\d)`, read: ([d, m, y]) => isoDate(y, m, d) },
  { re: `(?<!\\d)(\\d{1,2})\\s+${MONTH}\\s+${YEAR}(?!\\d)`, read: ([d, m, y]) => isoDate(y, monthNo(m), d) },
  { re: `(?<!\\p{L})${MONTH}\\s*${YEAR}(?!\\d)`, read: ([m, y]) => isoMonth(y, monthNo(m)) },
  { re: `${YEAR}-(0[1-9]|1[0-2])(?![\\d-])`, read: ([y, m]) => isoMonth(y, m) },
  {
    re: `(?<!\\p{L})(?:vt|ht|q[1-4]|t[1-3]|kv[1-4]|tertial\\s*[1-3]|kvartal\\s*[1-4])\\s*${YEAR}(?!\\d)`,
    read: ([y]) => y,
  },
  { re: `(?<!\\d)${YEAR}(?!\\d)`, read: ([y]) => y },
];

const COMBINED = new RegExp(PATTERNS.map((p) => `(${p.re})`).join('|'), 'giu');
/** Group counts per alternative, to find each alternative's own groups in a match. */
const GROUP_COUNTS = PATTERNS.map((p) => new RegExp(`${p.re}|`, 'u').exec('')!.length - 1);

export function parseDue(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(COMBINED)) {
    let at = 1;
    for (let i = 0; i < PATTERNS.length; i++) {
      if (match[at] !== undefined) {
        const groups = match.slice(at + 1, at + 1 + GROUP_COUNTS[i]);
        const iso = PATTERNS[i].read(groups);
        if (iso !== null) out.push(iso);
        break;
      }
      at += 1 + GROUP_COUNTS[i];
    }
  }
  return out;
}

function monthNo(name: string): string {
  return String(MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0);
}

function isoMonth(y: string, m: string): string | null {
  const month = Number(m);
  return month >= 1 && month <= 12 ? `${y}-${pad(month)}` : null;
}

function isoDate(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  const date = new Date(Date.UTC(Number(y), month - 1, day));
  const valid = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? `${y}-${pad(month)}-${pad(day)}` : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
