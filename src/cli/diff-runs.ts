/**
 * `kommunrapport diff-runs --db OLD --db NEW` or `--dir OLD --dir NEW`: which documents changed
 * between two runs of the parser and, per record kind, what was added, lost or altered. The
 * view a reviewer needs before accepting a parser change. Exit 0 (even when things changed),
 * 2 on usage errors or unreadable inputs.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CanonicalDocument } from '../model/document.js';
import { diffRuns, renderRunDiff, type RunDoc } from '../eval/diff.js';
import type { CommandIo } from './io.js';

export const DIFF_RUNS_USAGE = `Usage: kommunrapport diff-runs --db OLD --db NEW [--json] [--limit N] [--provenance]
       kommunrapport diff-runs --dir OLD --dir NEW [...]

Compares two runs: two SQLite files written by 'kommunrapport import', or two folders of
canonical JSON documents (the output of 'extract', or fixtures/ with its *.expected.json).
Documents pair by sha256 of their input, then by source path, then by file name. For each
changed document and record kind it lists records lost (-), added (+) and altered (~, with the
fields that changed). Records pair by what they say: budget by row path + column + period,
indicator values by indicator + gender + column + period, activities and goals by their text.
  --json          machine-readable output
  --limit N       list at most N records per kind and change (default 20)
  --provenance    also report changes of tableId, row, page and line
`;

async function loadDb(path: string): Promise<RunDoc[]> {
  const { openReadOnly } = await import('../store/open.js');
  const { runQuery } = await import('../store/query.js');
  const db = openReadOnly(path);
  try {
    const r = runQuery(db, 'SELECT path, sha256, json FROM documents ORDER BY id');
    return r.rows.map(([p, sha, json]) => ({ origin: String(p ?? sha), doc: JSON.parse(String(json)) as CanonicalDocument }));
  } finally {
    db.close();
  }
}

const looksCanonical = (x: unknown): x is CanonicalDocument =>
  !!x && typeof x === 'object' && 'schemaVersion' in x && 'source' in x && 'budget' in x && 'indicators' in x;

async function loadDir(dir: string): Promise<RunDoc[]> {
  const out: RunDoc[] = [];
  const walk = async (d: string) => {
    const entries = (await readdir(d, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && e.name.endsWith('.json') && !e.name.endsWith('gold.json') && e.name !== 'truth.json') {
        let x: unknown;
        try { x = JSON.parse(await readFile(full, 'utf8')); } catch { continue; }
        if (looksCanonical(x)) out.push({ origin: full.slice(dir.length).replace(/^[\\/]/, ''), doc: x });
      }
    }
  };
  await walk(dir);
  return out;
}

export async function diffRunsCommand(args: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      options: {
        db: { type: 'string', multiple: true },
        dir: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        provenance: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`diff-runs: ${(e as Error).message}\n`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) { io.stdout(DIFF_RUNS_USAGE); return 0; }
  const dbs = values.db ?? [];
  const dirs = values.dir ?? [];
  if (!((dbs.length === 2 && !dirs.length) || (dirs.length === 2 && !dbs.length))) {
    io.stderr(`diff-runs: give two --db files or two --dir folders (OLD first, then NEW)\n${DIFF_RUNS_USAGE}`);
    return 2;
  }
  const limit = values.limit !== undefined ? Number(values.limit) : 20;
  if (!(Number.isInteger(limit) && limit >= 0)) { io.stderr('diff-runs: --limit takes a whole number\n'); return 2; }

  const runs: RunDoc[][] = [];
  for (const p of dbs.length ? dbs : dirs) {
    try {
      if (dbs.length) runs.push(await loadDb(p));
      else {
        if (!(await stat(p)).isDirectory()) throw new Error('not a folder');
        runs.push(await loadDir(p));
      }
    } catch (e) {
      io.stderr(`diff-runs: ${p}: ${(e as Error).message.split('\n')[0]}\n`);
      return 2;
    }
  }
  const result = diffRuns(runs[0], runs[1], { provenance: values.provenance });
  if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout(renderRunDiff(result, limit));
  return 0;
}
