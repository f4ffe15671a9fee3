/**
 * `kommunrapport report --db FILE --out report.html`: one self-contained HTML page comparing
 * the municipalities in the database (charts as inline SVG, tables under them).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openReadOnly, type ReadableDb } from '../store/open.js';
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

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

export async function reportCommand(args: string[], io: CommandIo): Promise<number> {
  let values: { db?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`report: ${reason(error)}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(REPORT_USAGE);
    return 0;
  }
  if (!values.db || !values.out) {
    io.stderr(`report: missing ${values.db ? '--out FILE' : '--db FILE'}\nTry 'kommunrapport report --help'.\n`);
    return 2;
  }
  let db: ReadableDb;
  try {
    db = openReadOnly(values.db);
  } catch (error) {
    io.stderr(`report: cannot open database ${values.db}: ${reason(error)}\n`);
    return 2;
  }
  try {
    const data = reportData(db);
    const html = await renderReport(data, new Date().toISOString().slice(0, 10));
    writeFileSync(values.out, html, 'utf8');
    io.stderr(`report: ${data.documents.length} reports, written to ${values.out}\n`);
    return 0;
  } catch (error) {
    io.stderr(`report: ${reason(error)}\n`);
    return 2;
  } finally {
    db.close();
  }
}
