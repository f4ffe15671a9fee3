/**
 * Step 2: the comparison views named in CONTRACT.md. Each starts with the document's identity
 * (municipality, municipality_code, year, report_type, organ) so a query can line up one
 * measure across municipalities without writing the join. `source_path` is the imported file;
 * `path` in v_budget and v_indicators is the record's row hierarchy (" > "-joined).
 */
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate.js';

export const IDENTITY = `
  d.id AS document_id,
  d.municipality,
  d.municipality_code,
  d.year,
  d.report_type,
  d.organ,
  d.period_end,
  d.path AS source_path`;

const TABLE_JOIN = `LEFT JOIN doc_tables t ON t.document_id = r.document_id AND t.table_id = r.table_id`;

export const migration002: Migration = {
  version: 2,
  name: 'views',
  up(db: Database.Database): void {
    db.exec(`
      CREATE VIEW v_budget AS
      SELECT ${IDENTITY},
        r.table_id,
        t.caption AS table_caption,
        r.row,
        r.path,
        r.label,
        r.column_label,
        r.measure,
        r.period,
        r.value_text,
        r.value,
        r.unit,
        r.value_tkr,
        r.page,
        r.line
      FROM budget_values r
      JOIN documents d ON d.id = r.document_id
      ${TABLE_JOIN};

      CREATE VIEW v_indicators AS
      SELECT ${IDENTITY},
        r.table_id,
        t.caption AS table_caption,
        r.row,
        r.path,
        r.indicator,
        r.source,
        r.gender,
        r.period,
        r.kind,
        r.column_label,
        r.value_text,
        r.value,
        r.unit,
        r.note,
        r.page,
        r.line
      FROM indicator_values r
      JOIN documents d ON d.id = r.document_id
      ${TABLE_JOIN};

      CREATE VIEW v_activities AS
      SELECT ${IDENTITY},
        r.table_id,
        r.row,
        r.goal,
        r.activity,
        r.description,
        r.responsible,
        r.due,
        r.due_text,
        r.status_text,
        r.status,
        r.page,
        r.line
      FROM activities r
      JOIN documents d ON d.id = r.document_id;

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
        r.line
      FROM goals r
      JOIN documents d ON d.id = r.document_id
      LEFT JOIN sections s ON s.document_id = r.document_id AND s.section_id = r.section_id;
    `);
  },
};
