/**
 * Printing query results: an aligned text table for people, CSV and JSON for scripts.
 * Every formatter returns text ending in a newline. NULL is an empty cell in table and CSV
 * (CSV has no NULL), and null in JSON.
 */

type Rows = readonly (readonly unknown[])[];

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Buffer.isBuffer(v)) return v.toString('hex');
  return String(v);
}

/** Numbers right-aligned, text left-aligned; newlines shown as spaces so rows stay one line. */
export function formatTable(columns: readonly string[], rows: Rows): string {
  const texts = rows.map((r) => columns.map((_, i) => cellText(r[i]).replace(/\r?\n|\r/g, ' ')));
  const widths = columns.map((c, i) => Math.max(c.length, ...texts.map((t) => t[i].length)));
  const numeric = columns.map((_, i) =>
    rows.length > 0 && rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number' || typeof r[i] === 'bigint'),
  );
  const line = (cells: string[], alignNumbers: boolean) =>
    cells
      .map((t, i) => (alignNumbers && numeric[i] ? t.padStart(widths[i]) : t.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [line([...columns], false), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const t of texts) out.push(line(t, true));
  return out.join('\n') + '\n';
}

/** RFC 4180 quoting (fields with a comma, quote or line break are quoted, quotes doubled); \n line ends. */
export function formatCsv(columns: readonly string[], rows: Rows): string {
  const field = (v: unknown) => {
    const t = cellText(v);
    return /[",\r\n]/.test(t) ? '"' + t.replaceAll('"', '""') + '"' : t;
  };
  const lines = [columns.map(field).join(',')];
  for (const r of rows) lines.push(columns.map((_, i) => field(r[i])).join(','));
  return lines.join('\n') + '\n';
}

/** An array of objects keyed by column name; a repeated column name keeps its last value. */
export function formatJson(columns: readonly string[], rows: Rows): string {
  const objects = rows.map((r) =>
    Object.fromEntries(
      columns.map((c, i) => {
        const v = r[i];
        if (v === undefined) return [c, null];
        if (typeof v === 'bigint') return [c, Number.isSafeInteger(Number(v)) ? Number(v) : String(v)];
        if (Buffer.isBuffer(v)) return [c, v.toString('base64')];
        return [c, v];
      }),
    ),
  );
  return JSON.stringify(objects, null, 2) + '\n';
}

export const FORMATS = { table: formatTable, json: formatJson, csv: formatCsv } as const;
export type OutputFormat = keyof typeof FORMATS;

export function isOutputFormat(s: string): s is OutputFormat {
  return Object.hasOwn(FORMATS, s);
}
