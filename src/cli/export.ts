/**
 * `kommunrapport export --db FILE --out DIR [--format csv|json]`: one file per comparison
 * view (v_budget … v_indicator_series) in DIR. CSV is UTF-8 with a byte-order mark, which is
 * how Excel knows the file is UTF-8 and shows å, ä and ö rather than Ã¥, Ã¤, Ã¶.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openReadOnly, type ReadableDb } from '../store/open.js';
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

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

export async function exportCommand(args: string[], io: CommandIo): Promise<number> {
  let values: { db?: string; out?: string; format?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        out: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f', default: 'csv' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`export: ${reason(error)}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(EXPORT_USAGE);
    return 0;
  }
  const format = values.format ?? 'csv';
  if (!values.db) return usage(io, 'missing --db FILE');
  if (!values.out) return usage(io, 'missing --out DIR');
  if (format !== 'csv' && format !== 'json') return usage(io, `unknown format "${format}" (csv or json)`);
  let db: ReadableDb;
  try {
    db = openReadOnly(values.db);
  } catch (error) {
    io.stderr(`export: cannot open database ${values.db}: ${reason(error)}\n`);
    return 2;
  }
  try {
    mkdirSync(values.out, { recursive: true });
    let total = 0;
    for (const view of EXPORT_VIEWS) {
      const { columns, rows } = readView(db, view);
      const text = format === 'csv' ? BOM + formatCsv(columns, rows) : formatJson(columns, rows);
      writeFileSync(join(values.out, `${view}.${format}`), text, 'utf8');
      total += rows.length;
    }
    io.stderr(`export: ${EXPORT_VIEWS.length} files, ${total} rows, in ${values.out}\n`);
    return 0;
  } catch (error) {
    io.stderr(`export: ${reason(error)}\n`);
    return 2;
  } finally {
    db.close();
  }
}

function usage(io: CommandIo, message: string): number {
  io.stderr(`export: ${message}\nTry 'kommunrapport export --help'.\n`);
  return 2;
}
