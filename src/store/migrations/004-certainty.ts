/**
 * Step 4: how sure a value read from a flattened table is (issue 9). `certainty` is 'certain'
 * (one split of the row fits every check), 'inferred' (the best of several; the flat:inferred
 * warning on the same line gives the evidence) or NULL for values read from a printed grid
 * (tabs, PDF positions, Word tables) and for documents stored before this step.
 */
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate.js';

const CERTAINTY = `certainty TEXT CHECK (certainty IN ('certain', 'inferred'))`;

export const migration004: Migration = {
  version: 4,
  name: 'certainty',
  up(db: Database.Database): void {
    db.exec(`
      ALTER TABLE budget_values ADD COLUMN ${CERTAINTY};
      ALTER TABLE indicator_values ADD COLUMN ${CERTAINTY};
    `);
  },
};
