/**
 * Reading the comparison tables and views for the CLI (unmapped, export, report). Each
 * function is one SELECT on a read-only handle; the views themselves are migration 003's.
 */
import type { ReadableDb } from '../store/open.js';
import { runQuery, type QueryResult } from '../store/query.js';
import { loadTaxonomy } from './taxonomy.js';

export type UnmappedKind = 'budget' | 'indicator' | 'all';

/**
 * Labels left unmapped, one row per distinct label: how many rows carry it, the best
 * candidate and its score, and why it stayed unmapped. `stale` counts mappings made with an
 * older taxonomy (re-import with --reparse to refresh them).
 */
export function unmappedLabels(db: ReadableDb, kind: UnmappedKind): QueryResult & { stale: number } {
  const budget = `
    SELECT 'budget' AS kind, label, count(*) AS rows, count(DISTINCT document_id) AS documents,
      candidate, max(candidate_score) AS score, reason
    FROM budget_row_map
    WHERE area IS NULL AND line IS NULL AND area_group IS NULL
    GROUP BY label`;
  const indicator = `
    SELECT 'indicator' AS kind, indicator AS label, count(*) AS rows, count(DISTINCT document_id) AS documents,
      candidate, max(candidate_score) AS score, reason
    FROM indicator_map
    WHERE area IS NULL
    GROUP BY indicator`;
  const parts = kind === 'budget' ? [budget] : kind === 'indicator' ? [indicator] : [budget, indicator];
  const result = runQuery(db, `SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY kind, rows DESC, label`);
  const hash = loadTaxonomy().hash;
  const stale = db
    .prepare<[string, string], { n: number }>(
      `SELECT (SELECT count(*) FROM budget_row_map WHERE taxonomy <> ?) + (SELECT count(*) FROM indicator_map WHERE taxonomy <> ?) AS n`,
    )
    .get(hash, hash)!.n;
  return { ...result, stale };
}

/** The views `export` writes, one file each: the CONTRACT views first, then migration 003's. */
export const EXPORT_VIEWS = [
  'v_budget', 'v_indicators', 'v_activities', 'v_goals',
  'v_reports', 'v_budget_mapped', 'v_budget_by_area', 'v_area_summary',
  'v_activity_status_shares', 'v_goal_assessment_shares', 'v_indicator_series',
] as const;
export type ExportView = (typeof EXPORT_VIEWS)[number];

/** Every row of one view, in a stable order (its first columns). */
export function readView(db: ReadableDb, view: ExportView): QueryResult {
  const order: Record<ExportView, string> = {
    v_budget: 'municipality, year, document_id, table_id, row, column_label',
    v_indicators: 'municipality, year, document_id, table_id, row, period',
    v_activities: 'municipality, year, document_id, table_id, row',
    v_goals: 'municipality, year, document_id, page, line',
    v_reports: 'municipality, year, report_type',
    v_budget_mapped: 'municipality, year, document_id, table_id, row, column_label',
    v_budget_by_area: 'municipality, year, document_id, area, line, measure, period',
    v_area_summary: 'municipality, year, document_id, area',
    v_activity_status_shares: 'municipality, year, document_id, status',
    v_goal_assessment_shares: 'municipality, year, document_id, assessment',
    v_indicator_series: 'municipality, indicator, gender, kind, period_year, period',
  };
  return runQuery(db, `SELECT * FROM ${view} ORDER BY ${order[view]}`);
}

export interface ShareRow {
  municipality: string;
  year: number | null;
  key: string;
  count: number;
  share: number;
}

export interface AreaRow {
  municipality: string;
  year: number | null;
  area: string;
  areaName: string;
  netCostTkr: number | null;
  netCostPeriod: string | null;
  netCostBasis: string | null;
  deviationTkr: number | null;
  deviationBasis: string | null;
}

export interface ReportData {
  documents: { municipality: string; year: number | null; reportType: string | null; organ: string | null; format: string }[];
  activityShares: ShareRow[];
  goalShares: ShareRow[];
  areas: AreaRow[];
}

function rows<T>(db: ReadableDb, sql: string): T[] {
  return db.prepare<[], T>(sql).all();
}

/** What the HTML report shows; municipality null (unrecognised documents) reads "(okänd)". */
export function reportData(db: ReadableDb): ReportData {
  const who = `coalesce(municipality, '(okänd)')`;
  return {
    documents: rows(db, `
      SELECT ${who} AS municipality, year, report_type AS reportType, organ, format
      FROM v_reports ORDER BY municipality, year`),
    activityShares: rows(db, `
      SELECT ${who} AS municipality, year, status AS key, activities AS count, share
      FROM v_activity_status_shares ORDER BY municipality, year, status`),
    goalShares: rows(db, `
      SELECT ${who} AS municipality, year, assessment AS key, goals AS count, share
      FROM v_goal_assessment_shares ORDER BY municipality, year, assessment`),
    areas: rows(db, `
      SELECT ${who} AS municipality, year, area, coalesce(area_name, area) AS areaName,
        net_cost_tkr AS netCostTkr, net_cost_period AS netCostPeriod, net_cost_basis AS netCostBasis,
        deviation_tkr AS deviationTkr, deviation_basis AS deviationBasis
      FROM v_area_summary ORDER BY municipality, year, area`),
  };
}
