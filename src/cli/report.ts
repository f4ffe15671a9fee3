/**
 * `kommunrapport report --db FILE --out report.html`: one self-contained HTML page comparing
 * the municipalities in the database (charts as inline SVG, tables under them).
 */
import { writeFileSync } from 'node:fs';
import { EXIT_OK, parseCommand, usageError, withReadOnlyDb } from './command.js';
import { reportData } from '../compare/read.js';
import { renderReport } from '../compare/report.js';
import type { CommandIo } from './io.js';

export const REPORT_USAGE = `Usage: kommunrapport report --db FILE --out report.html

Writes one self-contained HTML page (no network, charts as inline SVG) comparing the
municipalities in the database: activity status shares, goal assessments, net cost per
area and budget deviation, with the tables under the charts.

Options:
  --db FILE   the SQLite file written by \`kommunrapport import\` (required)
  --out FILE  the HTML file to write (required)
  -h, --help  show this help
`;

export async function reportCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand('report', REPORT_USAGE, args, { db: { type: 'string' }, out: { type: 'string', short: 'o' } }, io);
  if (typeof parsed === 'number') return parsed;
  const { db: path, out } = parsed.values;
  if (!path) return usageError(io, 'report', 'missing --db FILE');
  if (!out) return usageError(io, 'report', 'missing --out FILE');
  return withReadOnlyDb(io, 'report', path, async (db) => {
    const data = reportData(db);
    const html = await renderReport(data, new Date().toISOString().slice(0, 10));
    writeFileSync(out, html, 'utf8');
    io.stderr(`report: ${data.documents.length} reports, written to ${out}\n`);
    return EXIT_OK;
  });
}
