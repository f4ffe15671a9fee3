/**
 * `kommunrapport unmapped --db FILE [--kind budget|indicator|all] [--format table|json|csv]`:
 * the labels the taxonomy (data/taxonomy.json) did not map, with their best candidate and
 * score, so a maintainer can add a variant or accept the gap.
 */
import { EXIT_OK, parseCommand, usageError, withReadOnlyDb } from './command.js';
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

export async function unmappedCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand('unmapped', UNMAPPED_USAGE, args, {
    db: { type: 'string' }, kind: { type: 'string', default: 'all' }, format: { type: 'string', short: 'f', default: 'table' },
  }, io);
  if (typeof parsed === 'number') return parsed;
  const { db: path, kind = 'all', format = 'table' } = parsed.values;
  if (!path) return usageError(io, 'unmapped', 'missing --db FILE');
  if (!KINDS.includes(kind as UnmappedKind)) return usageError(io, 'unmapped', `unknown kind "${kind}" (budget, indicator or all)`);
  if (!isOutputFormat(format)) return usageError(io, 'unmapped', `unknown format "${format}" (table, json or csv)`);
  return withReadOnlyDb(io, 'unmapped', path, (db) => {
    const { columns, rows, stale } = unmappedLabels(db, kind as UnmappedKind);
    io.stdout(FORMATS[format](columns, rows));
    if (stale > 0) {
      io.stderr(`unmapped: ${stale} mappings were made with another taxonomy; re-import with --reparse to refresh them\n`);
    }
    return EXIT_OK;
  }, ' (is the database at schema version 3? open it once with import)');
}
