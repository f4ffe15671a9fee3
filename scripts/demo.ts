/**
 * npm run demo: imports every bundled fixture into kommun.sqlite and prints a short
 * cross-municipality summary from the comparison views.
 */
import { importFiles } from '../src/cli/import.js';
import { demoInputs } from './demo-inputs.js';
import { openReadOnly, openWritable, runQuery } from '../src/store/index.js';
import { formatTable } from '../src/cli/format.js';

const DB = process.env.DEMO_DB ?? 'kommun.sqlite';
const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };

const inputs = await demoInputs();
const db = openWritable(DB);
let summary;
try {
  summary = await importFiles(db, inputs, { jobs: 2, dryRun: false, io, progress: false });
} finally {
  db.close();
}
console.log(`\nimported ${summary.imported}, skipped ${summary.skipped}, failed ${summary.failed} of ${inputs.length} files into ${DB}\n`);

const ro = openReadOnly(DB);
const show = (title: string, sql: string) => {
  const r = runQuery(ro, sql);
  console.log(`## ${title}\n${formatTable(r.columns, r.rows)}`);
};
show('Documents per municipality', `
  SELECT municipality, municipality_code AS code, year, report_type, format,
    (SELECT count(*) FROM sections s WHERE s.document_id = d.id) AS sections,
    (SELECT count(*) FROM doc_tables t WHERE t.document_id = d.id) AS tables,
    (SELECT count(*) FROM indicator_values i WHERE i.document_id = d.id) AS indicator_values,
    (SELECT count(*) FROM budget_values b WHERE b.document_id = d.id) AS budget_values
  FROM documents d ORDER BY municipality, format`);
show('Activities by status (text sources)', `
  SELECT municipality, year, status, count(*) AS n FROM v_activities
  WHERE source_path LIKE '%.txt' GROUP BY 1, 2, 3 ORDER BY 1, 3`);
show('Goals by assessment (text sources)', `
  SELECT municipality, year, assessment, count(*) AS n FROM v_goals
  WHERE source_path LIKE '%.txt' GROUP BY 1, 2, 3 ORDER BY 1, 3`);
ro.close();
if (summary.failed > 0) process.exitCode = 1;
