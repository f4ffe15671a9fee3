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
 * Rows as a writer before migration 4 stored them (no certainty, goal kind or organ columns), for tests of
 * migrations that must keep or map earlier documents: today's writer into an older schema.
 */
export function writeBeforeCertainty(db: WritableDb, write: () => void): void {
  const added = ['budget_values.certainty', 'indicator_values.certainty', 'goals.kind', 'goals.organ'];
  for (const c of added) db.exec(`ALTER TABLE ${c.split('.')[0]} ADD COLUMN ${c.split('.')[1]} TEXT`);
  write();
  for (const c of added) db.exec(`ALTER TABLE ${c.split('.')[0]} DROP COLUMN ${c.split('.')[1]}`);
}
