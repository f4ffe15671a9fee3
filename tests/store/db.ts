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

/**
 * Rows as a writer before migration 4 stored them (no certainty columns), for tests of
 * migrations that must keep or map earlier documents: today's writer into an older schema.
 */
export function writeBeforeCertainty(db: WritableDb, write: () => void): void {
  db.exec('ALTER TABLE budget_values ADD COLUMN certainty TEXT; ALTER TABLE indicator_values ADD COLUMN certainty TEXT');
  write();
  db.exec('ALTER TABLE budget_values DROP COLUMN certainty; ALTER TABLE indicator_values DROP COLUMN certainty');
}
