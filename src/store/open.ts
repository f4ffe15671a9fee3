/**
 * Opening the database. Two branded handle types, as Signal's ReadableDB/WritableDB: a
 * read-only handle cannot be passed where writing is needed, so the type checker keeps
 * `query` away from `writeDocument`. A WritableDb is also a ReadableDb.
 */
import Database from 'better-sqlite3';
import { migrate } from './migrate.js';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

export type ReadableDb = Database.Database & { readonly [readableBrand]: true };
export type WritableDb = ReadableDb & { readonly [writableBrand]: true };

/**
 * How long a writer waits on a lock held by another process (an `import` running beside a
 * `query`) before SQLITE_BUSY, in milliseconds.
 */
const BUSY_TIMEOUT_MS = 10_000;

/** Opens (creating if needed) and migrates to the latest schema version. */
export function openWritable(path: string): WritableDb {
  const db = new Database(path);
  try {
    // WAL lets `query` read while `import` writes; NORMAL is durable enough in WAL mode
    // (a power cut can lose the last commit, never corrupt the file).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Off by default in SQLite, and a no-op inside a transaction: set it before anything else.
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db as WritableDb;
}

/** Opens an existing database for reading only; writing throws SQLITE_READONLY. */
export function openReadOnly(path: string): ReadableDb {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    // readonly covers the main file; query_only also refuses writes to ATTACHed or temp databases.
    db.pragma('query_only = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db as ReadableDb;
}

/** Marks a handle already set up by the caller (tests that need a migration step by step). */
export function asWritable(db: Database.Database): WritableDb {
  return db as WritableDb;
}
