/** Test databases (Signal's createDB/updateToVersion helpers). */
import Database from 'better-sqlite3';
import { migrate } from '../../src/store/migrate.js';
import { asWritable, type WritableDb } from '../../src/store/open.js';

/** An in-memory database with foreign keys on, migrated to `version` (default latest). */
export function createDb(version?: number): WritableDb {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  return asWritable(db);
}

export function columnsOf(db: Database.Database, name: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map((r) => r.name);
}
