/**
 * `kommunrapport unmapped --db FILE [--kind budget|indicator|all] [--format table|json|csv]`:
 * the labels the taxonomy (data/taxonomy.json) did not map, with their best candidate and
 * score, so a maintainer can add a variant or accept the gap.
 */
import { parseArgs } from 'node:util';
import { openReadOnly, type ReadableDb } from '../store/open.js';
import { unmappedLabels, type UnmappedKind } from '../compare/read.js';
import { FORMATS, isOutputFormat } from './format.js';
import type { CommandIo } from './io.js';

export const UNMAPPED_USAGE = `Usage: kommunrapport unmapped --db FILE [--kind budget|indicator|all] [--format table|json|csv]

Lists budget row labels and indicator names that did not map to the taxonomy
(data/taxonomy.json): label, rows, documents, best candidate, its score and the reason.

Options:
  --db FILE        the SQLite file written by \`kommunrapport import\` (required)
  --kind KIND      budget, indicator or all (default)
  --format FORMAT  table (default), json or csv
  -h, --help       show this help
`;

const KINDS: readonly UnmappedKind[] = ['budget', 'indicator', 'all'];

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

export async function unmappedCommand(args: string[], io: CommandIo): Promise<number> {
  let values: { db?: string; kind?: string; format?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        kind: { type: 'string', default: 'all' },
        format: { type: 'string', short: 'f', default: 'table' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`unmapped: ${reason(error)}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(UNMAPPED_USAGE);
    return 0;
  }
  const kind = values.kind as UnmappedKind;
  const format = values.format ?? 'table';
  if (!values.db) return usage(io, 'missing --db FILE');
  if (!KINDS.includes(kind)) return usage(io, `unknown kind "${values.kind}" (budget, indicator or all)`);
  if (!isOutputFormat(format)) return usage(io, `unknown format "${format}" (table, json or csv)`);
  let db: ReadableDb;
  try {
    db = openReadOnly(values.db);
  } catch (error) {
    io.stderr(`unmapped: cannot open database ${values.db}: ${reason(error)}\n`);
    return 2;
  }
  try {
    const { columns, rows, stale } = unmappedLabels(db, kind);
    io.stdout(FORMATS[format](columns, rows));
    if (stale > 0) {
      io.stderr(`unmapped: ${stale} mappings were made with another taxonomy; re-import with --reparse to refresh them\n`);
    }
    return 0;
  } catch (error) {
    io.stderr(`unmapped: ${reason(error)} (is the database at schema version 3? open it once with import)\n`);
    return 2;
  } finally {
    db.close();
  }
}

function usage(io: CommandIo, message: string): number {
  io.stderr(`unmapped: ${message}\nTry 'kommunrapport unmapped --help'.\n`);
  return 2;
}
