/**
 * Step 4, columns added by the readers of this version:
 * - `certainty` on budget_values and indicator_values: how sure a value read from a flattened
 *   table is (issue 9): 'certain' (one split of the row fits every check), 'inferred' (the
 *   best of several; the flat:inferred warning on the same line gives the evidence) or NULL
 *   for values read from a printed grid (tabs, PDF positions, Word tables) and for documents
 *   stored before this step;
 * - `kind` and `organ` on goals: audit reports print revision criticism ("kritik mot
 *   grundskolenämnden i form av en anmärkning") as prose; it is stored with the goals as kind
 *   'revision_criticism' with the criticised organ, and kept out of the assessment shares.
 * v_goals shows both (organ as goal_organ: the view's `organ` is the document's).
 */
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate.js';
import { IDENTITY } from './002-views.js';

const CERTAINTY = `certainty TEXT CHECK (certainty IN ('certain', 'inferred'))`;

export const migration004: Migration = {
  version: 4,
  name: 'certainty, goal kinds',
  up(db: Database.Database): void {
    db.exec(`
      ALTER TABLE budget_values ADD COLUMN ${CERTAINTY};
      ALTER TABLE indicator_values ADD COLUMN ${CERTAINTY};
      ALTER TABLE goals ADD COLUMN kind TEXT NOT NULL DEFAULT 'goal' CHECK (kind IN ('goal', 'revision_criticism'));
      ALTER TABLE goals ADD COLUMN organ TEXT;

      DROP VIEW v_goals;
      CREATE VIEW v_goals AS
      SELECT ${IDENTITY},
        r.section_id,
        s.title AS section_title,
        r.table_id,
        r.level,
        r.text AS goal,
        r.assessment_text,
        r.assessment,
        r.page,
        r.line,
        r.kind,
        r.organ AS goal_organ
      FROM goals r
      JOIN documents d ON d.id = r.document_id
      LEFT JOIN sections s ON s.document_id = r.document_id AND s.section_id = r.section_id;

      DROP VIEW v_goal_assessment_shares;
      CREATE VIEW v_goal_assessment_shares AS
      SELECT r.municipality, r.municipality_code, r.year, r.report_type, r.organ, r.document_id,
        g.assessment, count(*) AS goals,
        sum(count(*)) OVER (PARTITION BY r.document_id) AS total,
        round(count(*) * 1.0 / sum(count(*)) OVER (PARTITION BY r.document_id), 3) AS share
      FROM goals g
      JOIN v_reports r ON r.document_id = g.document_id
      WHERE g.kind = 'goal'
      GROUP BY r.document_id, g.assessment;
    `);
  },
};
