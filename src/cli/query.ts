/**
 * `kommunrapport query --db FILE "SQL" [--format table|json|csv]`: one read-only statement
 * against a database opened read-only. Results to stdout; any failure is one line on stderr
 * and exit code 2.
 */
import { EXIT_OK, parseCommand, usageError, withReadOnlyDb } from './command.js';
import type { CommandIo } from './io.js';
import { runQuery } from '../store/query.js';
import { FORMATS, isOutputFormat } from './format.js';


export const QUERY_USAGE = `Usage: kommunrapport query --db FILE "SQL" [--format table|json|csv]

Runs one read-only SQL statement against an imported database and prints the rows.
Tables: documents, sections, doc_tables, table_cells, activities, indicator_values,
budget_values, goals, warnings, import_errors.
Views: v_budget, v_indicators, v_activities, v_goals.

Options:
  --db FILE        the SQLite file written by \`kommunrapport import\` (required)
  --format FORMAT  table (default), json or csv
  -h, --help       show this help
`;

export async function queryCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand('query', QUERY_USAGE, args, { db: { type: 'string' }, format: { type: 'string', short: 'f', default: 'table' } }, io);
  if (typeof parsed === 'number') return parsed;
  const { values: { db: path, format = 'table' }, positionals } = parsed;
  if (!path) return usageError(io, 'query', 'missing --db FILE');
  if (positionals.length !== 1) {
    return usageError(io, 'query', positionals.length === 0 ? 'missing SQL' : 'expected one SQL argument (quote the statement)');
  }
  if (!isOutputFormat(format)) return usageError(io, 'query', `unknown format "${format}" (table, json or csv)`);
  return withReadOnlyDb(io, 'query', path, (db) => {
    const { columns, rows } = runQuery(db, positionals[0]!);
    io.stdout(FORMATS[format](columns, rows));
    return EXIT_OK;
  });
}
