/**
 * Step 1: the tables. STRICT, so a number written into a TEXT column (or the reverse) is an
 * error rather than a silent affinity conversion. Record tables mirror the canonical model's
 * arrays one row per record (indicator_values: one row per indicator value), carry the record's
 * positional ids ("#/tables/0") as text, and go away with their document (ON DELETE CASCADE),
 * which is how a re-import replaces a document.
 *
 * The CHECK lists copy the zod enums of src/model/records.ts as they stood at this step;
 * tests/store/migrate.test.ts fails when the model's enums drift from them, which is the cue
 * for a new migration, not an edit here.
 */
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate.js';

const DOC = 'document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE';
const WHERE = 'page INTEGER, line INTEGER';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db: Database.Database): void {
    db.exec(`
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        path TEXT,
        format TEXT NOT NULL,
        pages INTEGER,
        ocr INTEGER NOT NULL CHECK (ocr IN (0, 1)),
        schema_version INTEGER NOT NULL,
        parser_version TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        municipality TEXT,
        municipality_code TEXT,
        organ TEXT,
        report_type TEXT,
        year INTEGER,
        period_end TEXT,
        title TEXT,
        warning_count INTEGER NOT NULL,
        json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX documents_municipality_year ON documents(municipality_code, year);

      CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        ${DOC},
        section_id TEXT NOT NULL,
        parent_id TEXT,
        level INTEGER NOT NULL,
        number TEXT,
        title TEXT NOT NULL,
        ${WHERE},
        UNIQUE (document_id, section_id)
      ) STRICT;

      CREATE TABLE doc_tables (
        id INTEGER PRIMARY KEY,
        ${DOC},
        table_id TEXT NOT NULL,
        section_id TEXT,
        kind TEXT NOT NULL,
        caption TEXT,
        unit TEXT,
        page INTEGER,
        page_end INTEGER,
        line INTEGER,
        header_rows INTEGER NOT NULL,
        row_count INTEGER NOT NULL,
        col_count INTEGER NOT NULL,
        UNIQUE (document_id, table_id)
      ) STRICT;

      CREATE TABLE table_cells (
        ${DOC},
        table_id TEXT NOT NULL,
        row INTEGER NOT NULL,
        col INTEGER NOT NULL,
        text TEXT NOT NULL,
        is_header INTEGER NOT NULL CHECK (is_header IN (0, 1)),
        line INTEGER,
        PRIMARY KEY (document_id, table_id, row, col)
      ) STRICT;

      CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        ${DOC},
        table_id TEXT NOT NULL,
        row INTEGER NOT NULL,
        goal TEXT,
        activity TEXT NOT NULL,
        description TEXT,
        due TEXT,
        due_text TEXT,
        responsible TEXT,
        status_text TEXT,
        status TEXT NOT NULL CHECK (status IN
          ('done', 'ongoing', 'delayed', 'not_started', 'not_done', 'stopped', 'unknown')),
        ${WHERE}
      ) STRICT;

      CREATE TABLE indicator_values (
        id INTEGER PRIMARY KEY,
        ${DOC},
        table_id TEXT NOT NULL,
        row INTEGER NOT NULL,
        indicator TEXT NOT NULL,
        path TEXT NOT NULL,
        source TEXT,
        gender TEXT CHECK (gender IN ('all', 'women', 'men')),
        period TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('outcome', 'target', 'forecast', 'reference')),
        column_label TEXT NOT NULL,
        value_text TEXT NOT NULL,
        value REAL,
        unit TEXT,
        note TEXT,
        ${WHERE}
      ) STRICT;

      CREATE TABLE budget_values (
        id INTEGER PRIMARY KEY,
        ${DOC},
        table_id TEXT NOT NULL,
        row INTEGER NOT NULL,
        label TEXT NOT NULL,
        path TEXT NOT NULL,
        column_label TEXT NOT NULL,
        measure TEXT NOT NULL CHECK (measure IN ('outcome', 'budget', 'forecast', 'deviation',
          'revenue', 'cost', 'net', 'result', 'grant', 'other')),
        period TEXT,
        value_text TEXT NOT NULL,
        value REAL,
        unit TEXT,
        value_tkr REAL,
        ${WHERE}
      ) STRICT;

      CREATE TABLE goals (
        id INTEGER PRIMARY KEY,
        ${DOC},
        section_id TEXT,
        table_id TEXT,
        level TEXT,
        text TEXT NOT NULL,
        assessment_text TEXT,
        assessment TEXT NOT NULL CHECK (assessment IN
          ('met', 'largely_met', 'partly_met', 'not_met', 'not_assessed', 'unknown')),
        ${WHERE}
      ) STRICT;

      CREATE TABLE warnings (
        id INTEGER PRIMARY KEY,
        ${DOC},
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        severity TEXT NOT NULL,
        ${WHERE}
      ) STRICT;

      -- Not tied to documents: a file that failed has no document row.
      CREATE TABLE import_errors (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        sha256 TEXT,
        parser_version TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        occurred_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX import_errors_path ON import_errors(path);
    `);
    // The cascade on delete scans each child table by document_id; without these it is a full scan per table.
    for (const table of ['sections', 'doc_tables', 'activities', 'indicator_values', 'budget_values', 'goals', 'warnings']) {
      db.exec(`CREATE INDEX ${table}_document_id ON ${table}(document_id)`);
    }
    // table_cells: its primary key starts with document_id, which already serves as that index.
  },
};
