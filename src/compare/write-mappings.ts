/**
 * Writing one document's mappings (migration 003's tables). Called by writeDocument inside its
 * transaction, after the document's rows, so a document and its mappings are stored or
 * rolled back together; and by migration 003 for documents stored before it.
 *
 * This is the one place outside src/store that writes SQL; it lives here because the mapping
 * is computed here, and the store only has to call it.
 */
import type Database from 'better-sqlite3';
import type { CanonicalDocument } from '../model/index.js';
import { mapDocument } from './map-document.js';

/** A document's mappings, computed from the document alone (so an import worker can do it). */
export type DocumentMappings = ReturnType<typeof mapDocument>;

type Row = Record<string, unknown>;

/** As the store joins row paths (write-document.ts PATH_SEPARATOR). */
const PATH_SEPARATOR = ' > ';

function statements(db: Database.Database) {
  const insert = (table: string, columns: string[]) =>
    db.prepare<[Row]>(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`,
    );
  return {
    budgetRow: insert('budget_row_map', [
      'document_id', 'table_id', 'row', 'label', 'path', 'area', 'area_top', 'area_name', 'area_group',
      'area_group_name', 'line', 'line_kind', 'line_name', 'method', 'score', 'candidate', 'candidate_score',
      'reason', 'is_total', 'is_part', 'taxonomy',
    ]),
    indicator: insert('indicator_map', [
      'document_id', 'table_id', 'row', 'indicator', 'area', 'area_top', 'area_name', 'method', 'score',
      'candidate', 'candidate_score', 'reason', 'taxonomy',
    ]),
    sign: insert('budget_table_signs', [
      'document_id', 'table_id', 'cost_sign', 'revenue_sign', 'sign_source', 'evidence', 'value_line',
      'inferred_unit',
    ]),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof statements>>();

/** The schema version that created the mapping tables (migration 003). */
const MAPPING_VERSION = 3;

/**
 * Inserts the mappings of a document whose rows are already written under `documentId`.
 * A database held at an earlier schema version (tests that migrate step by step) has no
 * mapping tables; nothing is written there, and migration 003 maps its documents later.
 */
export function writeMappings(
  db: Database.Database, documentId: number, doc: CanonicalDocument, precomputed?: DocumentMappings,
): void {
  if ((db.pragma('user_version', { simple: true }) as number) < MAPPING_VERSION) return;
  insertMappings(db, documentId, doc, precomputed);
}

/** As writeMappings, without the version check (migration 003 runs before the version is set). */
export function insertMappings(
  db: Database.Database, documentId: number, doc: CanonicalDocument, precomputed?: DocumentMappings,
): void {
  let s = cache.get(db);
  if (!s) {
    s = statements(db);
    cache.set(db, s);
  }
  const m = precomputed ?? mapDocument(doc);
  const document_id = documentId;
  for (const r of m.budgetRows) {
    s.budgetRow.run({
      document_id, table_id: r.tableId, row: r.row, label: r.label, path: r.path.join(PATH_SEPARATOR),
      area: r.area, area_top: r.areaTop, area_name: r.areaName, area_group: r.areaGroup,
      area_group_name: r.areaGroupName, line: r.line, line_kind: r.lineKind, line_name: r.lineName,
      method: r.method, score: r.score, candidate: r.candidate, candidate_score: r.candidateScore,
      reason: r.reason, is_total: r.isTotal ? 1 : 0, is_part: r.isPart ? 1 : 0, taxonomy: m.taxonomy,
    });
  }
  // An indicator row can hold several indicators in rare layouts; the first one's mapping stands.
  const seen = new Set<string>();
  for (const i of m.indicators) {
    const key = `${i.tableId}\u0000${i.row}`;
    if (seen.has(key)) continue;
    seen.add(key);
    s.indicator.run({
      document_id, table_id: i.tableId, row: i.row, indicator: i.indicator, area: i.area,
      area_top: i.areaTop, area_name: i.areaName, method: i.method, score: i.score,
      candidate: i.candidate, candidate_score: i.candidateScore, reason: i.reason, taxonomy: m.taxonomy,
    });
  }
  for (const t of m.tableSigns) {
    s.sign.run({
      document_id, table_id: t.tableId, cost_sign: t.costSign, revenue_sign: t.revenueSign,
      sign_source: t.source, evidence: t.evidence, value_line: t.valueLine,
      inferred_unit: t.inferredUnit,
    });
  }
}
