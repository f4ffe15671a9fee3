/**
 * `kommunrapport query --db FILE "SQL" [--format table|json|csv]`: one read-only statement
 * against a database opened read-only. Results to stdout; any failure is one line on stderr
 * and exit code 2.
 */
import { parseArgs } from 'node:util';
import { openReadOnly, type ReadableDb } from '../store/open.js';
import { runQuery } from '../store/query.js';
import { FORMATS, isOutputFormat } from './format.js';

export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

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

const EXIT_OK = 0;
const EXIT_USAGE = 2;

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}

export async function queryCommand(args: string[], io: CommandIo): Promise<number> {
  let values: { db?: string; format?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        format: { type: 'string', short: 'f', default: 'table' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    io.stderr(`query: ${reason(error)}\n`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.stdout(QUERY_USAGE);
    return EXIT_OK;
  }
  const format = values.format ?? 'table';
  if (!values.db) return usageError(io, 'missing --db FILE');
  if (positionals.length !== 1) {
    return usageError(io, positionals.length === 0 ? 'missing SQL' : 'expected one SQL argument (quote the statement)');
  }
  if (!isOutputFormat(format)) return usageError(io, `unknown format "${format}" (table, json or csv)`);

  let db: ReadableDb;
  try {
    db = openReadOnly(values.db);
  } catch (error) {
    io.stderr(`query: cannot open database ${values.db}: ${reason(error)}\n`);
    return EXIT_USAGE;
  }
  try {
    const { columns, rows } = runQuery(db, positionals[0]);
    io.stdout(FORMATS[format](columns, rows));
    return EXIT_OK;
  } catch (error) {
    io.stderr(`query: ${reason(error)}\n`);
    return EXIT_USAGE;
  } finally {
    db.close();
  }
}

function usageError(io: CommandIo, message: string): number {
  io.stderr(`query: ${message}\nTry 'kommunrapport query --help'.\n`);
  return EXIT_USAGE;
}
