/**
 * `kommunrapport export --db FILE --out DIR [--format csv|json]`: one file per comparison
 * view (v_budget … v_indicator_series) in DIR. CSV is UTF-8 with a byte-order mark, which is
 * how Excel knows the file is UTF-8 and shows å, ä and ö rather than Ã¥, Ã¤, Ã¶.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_OK, parseCommand, usageError, withReadOnlyDb } from './command.js';
import { EXPORT_VIEWS, readView } from '../compare/read.js';
import { formatCsv, formatJson } from './format.js';
import type { CommandIo } from './io.js';

export const EXPORT_USAGE = `Usage: kommunrapport export --db FILE --out DIR [--format csv|json]

Writes one file per view into DIR (created if needed): ${EXPORT_VIEWS.join(', ')}.
CSV files are UTF-8 with a byte-order mark so Excel reads å, ä and ö right.

Options:
  --db FILE        the SQLite file written by \`kommunrapport import\` (required)
  --out DIR        the folder to write into (required)
  --format FORMAT  csv (default) or json
  -h, --help       show this help
`;

/** U+FEFF, written as the first character: Excel's cue for UTF-8. */
export const BOM = '\ufeff';

export async function exportCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand('export', EXPORT_USAGE, args, {
    db: { type: 'string' }, out: { type: 'string', short: 'o' }, format: { type: 'string', short: 'f', default: 'csv' },
  }, io);
  if (typeof parsed === 'number') return parsed;
  const { db: path, out, format = 'csv' } = parsed.values;
  if (!path) return usageError(io, 'export', 'missing --db FILE');
  if (!out) return usageError(io, 'export', 'missing --out DIR');
  if (format !== 'csv' && format !== 'json') return usageError(io, 'export', `unknown format "${format}" (csv or json)`);
  return withReadOnlyDb(io, 'export', path, (db) => {
    mkdirSync(out, { recursive: true });
    let total = 0;
    for (const view of EXPORT_VIEWS) {
      const { columns, rows } = readView(db, view);
      const text = format === 'csv' ? BOM + formatCsv(columns, rows) : formatJson(columns, rows);
      writeFileSync(join(out, `${view}.${format}`), text, 'utf8');
      total += rows.length;
    }
    io.stderr(`export: ${EXPORT_VIEWS.length} files, ${total} rows, in ${out}\n`);
    return EXIT_OK;
  });
}
