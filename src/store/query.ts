/**
 * Running a user's SQL: exactly one statement, and only one that reads. The read-only handle
 * and query_only already refuse writes; checking here gives a clear message instead of
 * SQLITE_READONLY, and catches `INSERT … RETURNING`, which returns rows (reader) yet writes.
 */
import type { ReadableDb } from './open.js';

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
}

export class QueryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueryError';
  }
}

export function runQuery(db: ReadableDb, sql: string): QueryResult {
  let stmt;
  try {
    stmt = db.prepare(sql);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // better-sqlite3's wording: "The supplied SQL string contains more than one statement".
    if (/more than one statement/i.test(message)) {
      throw new QueryError('query must be exactly one SQL statement', { cause });
    }
    if (/no statements/i.test(message)) {
      throw new QueryError('query is empty', { cause });
    }
    throw new QueryError(message, { cause });
  }
  if (!stmt.reader || !stmt.readonly) throw new QueryError('query is read-only');
  try {
    const columns = stmt.columns().map((c) => c.name);
    const rows = stmt.raw(true).all() as unknown[][];
    return { columns, rows };
  } catch (cause) {
    throw new QueryError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}
