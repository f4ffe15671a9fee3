/**
 * Writing one canonical document: the whole document in ONE synchronous transaction
 * (better-sqlite3 transactions cannot span an await, so the caller extracts first and writes
 * after). A document already stored under the same sha256 is deleted first (the cascade takes
 * its records), so a failure anywhere rolls back to the previous version untouched.
 */
import type Database from 'better-sqlite3';
import type { CanonicalDocument } from '../model/index.js';
import type { ReadableDb, WritableDb } from './open.js';
import { writeMappings, type DocumentMappings } from '../compare/write-mappings.js';

export interface WriteInfo {
  parserVersion: string;
  /** The path as imported; defaults to doc.source.path. */
  path?: string;
  /** Defaults to now; fixed in tests for stable rows. */
  importedAt?: string;
  /** Test hook: throw after this many rows have been inserted (documents row included). */
  failAfterRows?: number;
  /**
   * The document's taxonomy mappings when already computed (import workers compute them, so
   * the single writing thread does not spend its time on fuzzy matching).
   */
  mappings?: DocumentMappings;
}

export interface WriteResult {
  documentId: number;
  replaced: boolean;
}

type Row = Record<string, unknown>;

function prepareStatements(db: Database.Database) {
  const insert = (table: string, columns: string[]) =>
    db.prepare<[Row]>(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`,
    );
  const where = ['page', 'line'];
  return {
    findBySha: db.prepare<[string], { id: number }>('SELECT id FROM documents WHERE sha256 = ?'),
    deleteById: db.prepare<[number]>('DELETE FROM documents WHERE id = ?'),
    document: insert('documents', [
      'sha256', 'path', 'format', 'pages', 'ocr', 'schema_version', 'parser_version', 'imported_at',
      'municipality', 'municipality_code', 'organ', 'report_type', 'year', 'period_end', 'title',
      'warning_count', 'json',
    ]),
    section: insert('sections', [
      'document_id', 'section_id', 'parent_id', 'level', 'number', 'title', ...where,
    ]),
    table: insert('doc_tables', [
      'document_id', 'table_id', 'section_id', 'kind', 'caption', 'unit', 'page', 'page_end', 'line',
      'header_rows', 'row_count', 'col_count',
    ]),
    cell: insert('table_cells', ['document_id', 'table_id', 'row', 'col', 'text', 'is_header', 'line']),
    activity: insert('activities', [
      'document_id', 'table_id', 'row', 'goal', 'activity', 'description', 'due', 'due_text',
      'responsible', 'status_text', 'status', ...where,
    ]),
    indicatorValue: insert('indicator_values', [
      'document_id', 'table_id', 'row', 'indicator', 'path', 'source', 'gender', 'period', 'kind',
      'column_label', 'value_text', 'value', 'unit', 'note', 'certainty', ...where,
    ]),
    budgetValue: insert('budget_values', [
      'document_id', 'table_id', 'row', 'label', 'path', 'column_label', 'measure', 'period',
      'value_text', 'value', 'unit', 'value_tkr', 'certainty', ...where,
    ]),
    goal: insert('goals', [
      'document_id', 'section_id', 'table_id', 'level', 'text', 'assessment_text', 'assessment', 'kind', 'organ', ...where,
    ]),
    warning: insert('warnings', ['document_id', 'code', 'message', 'severity', ...where]),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

// Keyed by handle so a closed database's statements go with it.
const cache = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = prepareStatements(db);
    cache.set(db, s);
  }
  return s;
}

/** Hierarchies are stored as one text so they can be compared and grouped in SQL. */
export const PATH_SEPARATOR = ' > ';

export function writeDocument(db: WritableDb, doc: CanonicalDocument, info: WriteInfo): WriteResult {
  const s = statements(db);
  let inserted = 0;
  const run = (stmt: Database.Statement<[Row]>, row: Row): Database.RunResult => {
    if (info.failAfterRows !== undefined && inserted >= info.failAfterRows) {
      throw new Error(`injected failure after ${inserted} rows`);
    }
    const result = stmt.run(row);
    inserted++;
    return result;
  };

  const write = db.transaction((): WriteResult => {
    const existing = s.findBySha.get(doc.source.sha256);
    if (existing) s.deleteById.run(existing.id);

    const { meta, source } = doc;
    const documentId = Number(
      run(s.document, {
        sha256: source.sha256,
        path: info.path ?? source.path,
        format: source.format,
        pages: source.pages,
        ocr: source.ocr ? 1 : 0,
        schema_version: doc.schemaVersion,
        parser_version: info.parserVersion,
        imported_at: info.importedAt ?? new Date().toISOString(),
        municipality: meta.municipality,
        municipality_code: meta.municipalityCode,
        organ: meta.organ,
        report_type: meta.reportType,
        year: meta.year,
        period_end: meta.periodEnd,
        title: meta.title,
        warning_count: doc.warnings.length,
        json: JSON.stringify(doc),
      }).lastInsertRowid,
    );
    const document_id = documentId;

    for (const x of doc.sections) {
      run(s.section, {
        document_id, section_id: x.id, parent_id: x.parentId, level: x.level, number: x.number,
        title: x.title, page: x.page, line: x.line,
      });
    }
    for (const t of doc.tables) {
      run(s.table, {
        document_id, table_id: t.id, section_id: t.sectionId, kind: t.kind, caption: t.caption,
        unit: t.unit, page: t.page, page_end: t.pageEnd, line: t.line, header_rows: t.headerRows,
        row_count: t.rows.length, col_count: t.rows.reduce((n, r) => Math.max(n, r.length), 0),
      });
      t.rows.forEach((cells, row) => {
        cells.forEach((text, col) => {
          run(s.cell, {
            document_id, table_id: t.id, row, col, text,
            is_header: row < t.headerRows ? 1 : 0, line: t.rowLines[row] ?? null,
          });
        });
      });
    }
    for (const a of doc.activities) {
      run(s.activity, {
        document_id, table_id: a.tableId, row: a.row, goal: a.goal, activity: a.activity,
        description: a.description, due: a.due.length > 0 ? a.due.join(', ') : null,
        due_text: a.dueText, responsible: a.responsible, status_text: a.statusText,
        status: a.status, page: a.page, line: a.line,
      });
    }
    for (const ind of doc.indicators) {
      for (const v of ind.values) {
        run(s.indicatorValue, {
          document_id, table_id: ind.tableId, row: ind.row, indicator: ind.name,
          path: ind.path.join(PATH_SEPARATOR), source: ind.source, gender: ind.gender,
          period: v.period, kind: v.kind, column_label: v.column, value_text: v.text,
          value: v.value, unit: v.unit, note: v.note, certainty: v.certainty ?? null, page: ind.page, line: ind.line,
        });
      }
    }
    for (const b of doc.budget) {
      run(s.budgetValue, {
        document_id, table_id: b.tableId, row: b.row, label: b.label,
        path: b.path.join(PATH_SEPARATOR), column_label: b.column, measure: b.measure,
        period: b.period, value_text: b.text, value: b.value, unit: b.unit, value_tkr: b.valueTkr, certainty: b.certainty ?? null,
        page: b.page, line: b.line,
      });
    }
    for (const g of doc.goals) {
      run(s.goal, {
        document_id, section_id: g.sectionId, table_id: g.tableId, level: g.level, text: g.text,
        assessment_text: g.assessmentText, assessment: g.assessment, kind: g.kind ?? 'goal', organ: g.organ ?? null,
        page: g.page, line: g.line,
      });
    }
    for (const w of doc.warnings) {
      run(s.warning, {
        document_id, code: w.code, message: w.message, severity: w.severity, page: w.page, line: w.line,
      });
    }
    // Taxonomy mappings and sign conventions of the rows just written (migration 003's tables).
    writeMappings(db, documentId, doc, info.mappings);
    return { documentId, replaced: existing !== undefined };
  });
  // IMMEDIATE: take the write lock before reading, so two importers of the same file cannot
  // both see "absent" and then collide on UNIQUE(sha256).
  return write.immediate();
}

/** True if this file's bytes are stored (by `parserVersion`, when given). */
export function hasDocument(db: ReadableDb, sha256: string, parserVersion?: string): boolean {
  const row =
    parserVersion === undefined
      ? db.prepare('SELECT 1 FROM documents WHERE sha256 = ?').get(sha256)
      : db.prepare('SELECT 1 FROM documents WHERE sha256 = ? AND parser_version = ?').get(sha256, parserVersion);
  return row !== undefined;
}

export interface ImportErrorInfo {
  path: string;
  sha256: string | null;
  parserVersion: string;
  code: string;
  message: string;
}

export function recordImportError(db: WritableDb, e: ImportErrorInfo): void {
  db.prepare(
    `INSERT INTO import_errors (path, sha256, parser_version, code, message, occurred_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(e.path, e.sha256, e.parserVersion, e.code, e.message, new Date().toISOString());
}

/** A later successful import of the same path makes its earlier error rows stale. */
export function clearImportErrors(db: WritableDb, path: string): number {
  return db.prepare('DELETE FROM import_errors WHERE path = ?').run(path).changes;
}

/** Row count of every table (not views), by name. */
export function countRows(db: ReadableDb): Record<string, number> {
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all();
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const quoted = '"' + name.replaceAll('"', '""') + '"';
    counts[name] = (db.prepare(`SELECT count(*) AS n FROM ${quoted}`).get() as { n: number }).n;
  }
  return counts;
}

/** The parser version that stored this file's bytes, or null when they are not stored. */
export function storedParserVersion(db: ReadableDb, sha256: string): string | null {
  const row = db.prepare<[string], { v: string }>('SELECT parser_version AS v FROM documents WHERE sha256 = ?').get(sha256);
  return row?.v ?? null;
}
