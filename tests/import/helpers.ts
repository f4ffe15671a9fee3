/** Running the built CLI as a child process, and comparing databases. */
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { countRows, openReadOnly } from '../../src/store/index.js';

export const BIN = 'bin/kommunrapport.js';

export function startImport(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, 'import', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => { stdout += d; });
  child.stderr!.on('data', (d) => { stderr += d; });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export async function runImport(args: string[]) {
  return startImport(args).done;
}

/** Documents stored so far (0 while the file or its tables do not exist yet). */
export function documentCount(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try { return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n; } finally { db.close(); }
  } catch {
    return 0;
  }
}

export async function waitFor(check: () => boolean, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Snapshot {
  counts: Record<string, number>;
  /** sha256 → rows per record table for that document: a half-written document would differ. */
  perDocument: Record<string, string>;
  errors: string[];
  integrity: string;
}

const RECORD_TABLES = ['sections', 'doc_tables', 'table_cells', 'activities', 'indicator_values', 'budget_values', 'goals', 'warnings'];

export function snapshot(path: string): Snapshot {
  const db = openReadOnly(path);
  try {
    const counts = countRows(db);
    const perDocument: Record<string, string> = {};
    const docs = db.prepare('SELECT id, sha256 FROM documents').all() as Array<{ id: number; sha256: string }>;
    const stmts = RECORD_TABLES.map((t) => db.prepare(`SELECT count(*) AS n FROM ${t} WHERE document_id = ?`));
    for (const d of docs) perDocument[d.sha256] = stmts.map((s) => (s.get(d.id) as { n: number }).n).join(',');
    const errors = (db.prepare('SELECT path, code FROM import_errors ORDER BY path').all() as Array<{ path: string; code: string }>).map((e) => `${e.path} ${e.code}`);
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    return { counts, perDocument, errors, integrity };
  } finally {
    db.close();
  }
}
