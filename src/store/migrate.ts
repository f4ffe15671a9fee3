/**
 * The migration runner: PRAGMA user_version holds the last applied step. Each step runs in its
 * own IMMEDIATE transaction (the write lock is taken up front, so two importers racing on a
 * fresh file cannot both run step 1), and bumps user_version inside it, so a failed step leaves
 * the database at the previous version.
 */
import type Database from 'better-sqlite3';
import { migration001 } from './migrations/001-initial.js';
import { migration002 } from './migrations/002-views.js';
import { migration003 } from './migrations/003-compare.js';
import { migration004 } from './migrations/004-certainty.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

/** In order; a step once released is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function getVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Migrates up to `target` (default: latest). Returns the version reached. */
export function migrate(db: Database.Database, target: number = LATEST_VERSION): number {
  const current = getVersion(db);
  if (current > LATEST_VERSION) {
    throw new Error(
      `database schema version ${current} is newer than this tool knows (${LATEST_VERSION}); upgrade kommunrapport`,
    );
  }
  for (const step of MIGRATIONS) {
    if (step.version <= current || step.version > target) continue;
    const run = db.transaction(() => {
      // Re-read under the lock: another process may have applied this step meanwhile.
      if (getVersion(db) >= step.version) return;
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    });
    try {
      run.immediate();
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new Error(`migration ${step.version} (${step.name}) failed: ${reason}`, { cause });
    }
  }
  return getVersion(db);
}
