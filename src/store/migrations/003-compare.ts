/**
 * Step 3: comparison across municipalities. Three tables filled when a document is written
 * (src/compare/write-mappings.ts, called from writeDocument in the same transaction):
 *
 * - `budget_row_map`: each budget row (document, table, row) mapped to a taxonomy area
 *   and/or budget line (data/taxonomy.json), with the method and score of the match;
 * - `indicator_map`: each indicator row mapped to an area;
 * - `budget_table_signs`: per budget table, whether costs and revenues are printed negative.
 *
 * and views on top of the CONTRACT views. Stored values are never changed: `amount_tkr` is a
 * view column, `value_tkr` × the table's sign, so every cost and net cost reads positive,
 * every revenue positive, and results and deviations keep their printed sign (positive =
 * surplus, better than budget).
 *
 * Documents already in the database are mapped here too, from their stored JSON.
 */
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate.js';
import { insertMappings } from '../../compare/write-mappings.js';
import type { CanonicalDocument } from '../../model/index.js';

const DOC = 'document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE';
const METHODS = `('exact', 'stem', 'fuzzy', 'contains', 'path', 'none')`;

/**
 * One document per report: the same report imported as text, Word and PDF counts once, and
 * the text or Word version is preferred (their tables are read without layout guessing).
 */
const V_REPORTS = `
  CREATE VIEW v_reports AS
  SELECT document_id, municipality, municipality_code, year, report_type, organ, period_end,
    format, source_path
  FROM (
    SELECT d.id AS document_id, d.municipality, d.municipality_code, d.year, d.report_type,
      d.organ, d.period_end, d.format, d.path AS source_path,
      row_number() OVER (
        PARTITION BY coalesce(d.municipality_code, d.municipality, 'document ' || d.id), d.year, d.report_type
        ORDER BY CASE d.format WHEN 'txt' THEN 1 WHEN 'md' THEN 2 WHEN 'docx' THEN 3 ELSE 4 END, d.id
      ) AS preference
    FROM documents d
  )
  WHERE preference = 1`;

/**
 * Every budget value with its row's mapping. `line` is the row's own budget line, or what the
 * column says the value is (an Intäkt column is intäkter), or, for an area row's
 * Utfall/Budget/Prognos/Avvikelse, the table's value line (nettokostnad, or resultat where the
 * table also has Intäkt/Kostnad/Resultat columns). `is_current` is 0 for earlier years
 * ("Bokslut 2015" in a 2016 report, "Föregående år") and for two-year differences. A table
 * that prints no unit takes the document's one money unit (`unit_inferred` = 1).
 */
const V_BUDGET_MAPPED = `
  CREATE VIEW v_budget_mapped AS
  WITH base AS (
    SELECT b.document_id, b.municipality, b.municipality_code, b.year, b.report_type, b.organ,
      b.period_end, b.source_path, b.table_id, b.table_caption, b.row, b.path, b.label,
      b.column_label, b.measure, b.period, b.value_text, b.value,
      coalesce(b.unit, CASE WHEN b.value IS NOT NULL AND b.measure <> 'other' THEN s.inferred_unit END) AS unit,
      coalesce(b.value_tkr, CASE WHEN b.value IS NOT NULL AND b.measure <> 'other' THEN
        b.value * CASE s.inferred_unit WHEN 'tkr' THEN 1 WHEN 'mnkr' THEN 1000 WHEN 'kr' THEN 0.001 END END) AS value_tkr,
      b.unit IS NULL AND s.inferred_unit IS NOT NULL AND b.value IS NOT NULL AND b.measure <> 'other' AS unit_inferred,
      b.page,
      b.line AS source_line, m.area, m.area_top, m.area_name, m.area_group, m.area_group_name,
      m.line AS row_line, m.line_kind AS row_line_kind, m.method, m.score, m.is_total, m.is_part,
      s.cost_sign, s.revenue_sign, s.sign_source, s.value_line,
      d.format
    FROM v_budget b
    JOIN documents d ON d.id = b.document_id
    LEFT JOIN budget_row_map m ON m.document_id = b.document_id AND m.table_id = b.table_id AND m.row = b.row
    LEFT JOIN budget_table_signs s ON s.document_id = b.document_id AND s.table_id = b.table_id
  ),
  lined AS (
    SELECT base.*,
      CASE
        WHEN row_line IS NOT NULL THEN row_line
        WHEN area IS NULL AND area_group IS NULL THEN NULL
        WHEN measure = 'revenue' THEN 'intakter'
        WHEN measure = 'cost' THEN 'kostnader'
        WHEN measure = 'grant' THEN 'kommunbidrag'
        WHEN measure = 'result' THEN 'resultat'
        WHEN measure = 'net' THEN 'nettokostnad'
        WHEN measure IN ('outcome', 'budget', 'forecast', 'deviation') THEN value_line
      END AS line,
      CASE
        WHEN row_line IS NOT NULL THEN row_line_kind
        WHEN area IS NULL AND area_group IS NULL THEN NULL
        WHEN measure IN ('revenue', 'cost', 'grant', 'result', 'net') THEN measure
        WHEN measure IN ('outcome', 'budget', 'forecast', 'deviation') THEN
          CASE value_line WHEN 'nettokostnad' THEN 'net' ELSE 'result' END
      END AS line_kind
    FROM base
  )
  SELECT document_id, municipality, municipality_code, year, report_type, organ, period_end,
    source_path, format, table_id, table_caption, row, path, label, column_label, measure, period,
    CASE
      WHEN period IS NULL THEN 1
      WHEN lower(period) LIKE '%föregående%' THEN 0
      WHEN period GLOB '*[0-9][0-9][0-9][0-9]?[0-9][0-9][0-9][0-9]*' THEN 0
      WHEN period GLOB '*[0-9][0-9][0-9][0-9]*' THEN instr(period, CAST(year AS TEXT)) > 0
      ELSE 1
    END AS is_current,
    area, area_top, area_name, area_group, area_group_name, line, line_kind, method, score,
    is_total, is_part, value_text, value, unit, unit_inferred, value_tkr,
    cost_sign, revenue_sign, sign_source,
    CASE
      WHEN value_tkr IS NULL OR measure IN ('deviation', 'other') THEN value_tkr
      WHEN line_kind IN ('cost', 'net') THEN value_tkr * coalesce(cost_sign, 1)
      WHEN line_kind = 'revenue' THEN value_tkr * coalesce(revenue_sign, 1)
      ELSE value_tkr
    END AS amount_tkr,
    page, source_line
  FROM lined`;

/**
 * Budget per municipality, year and area in tkr (amount_tkr: the one sign convention above),
 * operating lines only.
 * Within one table, a total row for an area ("Totalt IFO myndighet") stands for the rows under
 * it, and varav rows are left out; across tables the per-table amounts are added, except that
 * an amount printed identically in two tables (Hjo's "Nettokostnader" and its per-area table's
 * "Summa") is one fact shown twice and counts once.
 */
const V_BUDGET_BY_AREA = `
  CREATE VIEW v_budget_by_area AS
  WITH rows AS (
    SELECT b.* FROM v_budget_mapped b
    JOIN v_reports r ON r.document_id = b.document_id
    WHERE b.area_group IS NOT NULL AND b.line IS NOT NULL AND b.is_part = 0 AND b.amount_tkr IS NOT NULL
      -- Investment tables list projects, budgets and differences as rows ("Budgeterade
      -- nettoinvesteringar"), which do not add up; they stay in v_budget_mapped.
      AND b.line_kind NOT IN ('investment', 'equity')
  ),
  per_table AS (
    SELECT document_id, municipality, municipality_code, year, report_type, organ, table_id,
      area_group AS area, area_group_name AS area_name, line, line_kind, measure, period, is_current,
      CASE WHEN max(is_total) = 1 THEN sum(CASE WHEN is_total = 1 THEN amount_tkr END) ELSE sum(amount_tkr) END AS amount_tkr,
      CASE WHEN max(is_total) = 1 THEN sum(is_total) ELSE count(*) END AS rows
    FROM rows
    GROUP BY document_id, table_id, area_group, line, measure, period
  )
  SELECT municipality, municipality_code, year, report_type, organ, document_id, area, area_name,
    line, line_kind, measure, period, is_current,
    sum(DISTINCT amount_tkr) AS amount_tkr,
    count(DISTINCT table_id) AS tables,
    sum(rows) AS rows
  FROM per_table
  GROUP BY document_id, area, line, measure, period`;

/**
 * One row per report and area: the net cost (outcome of the report's own period) and the
 * budget deviation, each with the basis it was read from. Net cost is the nettokostnad line
 * where printed, else kostnader − intäkter. The deviation is the printed Avvikelse of the net
 * cost or result (full year before the period), else the Resultat of a table that also shows
 * the kommunbidrag (a result after the grant is the deviation from the budget frame). A
 * period-to-date outcome (delårsrapport) and a full-year one (bokslut) are not comparable
 * as amounts; `net_cost_period` says which one it is.
 */
const V_AREA_SUMMARY = `
  CREATE VIEW v_area_summary AS
  WITH ranked AS (
    SELECT a.*, row_number() OVER (
      PARTITION BY document_id, area, line, measure
      ORDER BY CASE WHEN period IS NULL OR lower(period) LIKE '%helår%' OR period GLOB '[12][0-9][0-9][0-9]' THEN 0 ELSE 1 END, period
    ) AS pick
    FROM v_budget_by_area a
    WHERE is_current = 1
  ),
  one AS (SELECT * FROM ranked WHERE pick = 1),
  areas AS (
    SELECT DISTINCT municipality, municipality_code, year, report_type, organ, document_id, area, area_name FROM one
  ),
  parts AS (
    SELECT a.*,
      (SELECT amount_tkr FROM one o WHERE o.document_id = a.document_id AND o.area = a.area AND o.line = 'nettokostnad' AND o.measure = 'outcome') AS net_printed,
      (SELECT period FROM one o WHERE o.document_id = a.document_id AND o.area = a.area AND o.line = 'nettokostnad' AND o.measure = 'outcome') AS net_printed_period,
      (SELECT amount_tkr FROM one o WHERE o.document_id = a.document_id AND o.area = a.area AND o.line = 'kostnader' AND o.measure IN ('cost', 'outcome') ORDER BY o.measure = 'cost' DESC LIMIT 1) AS cost,
      (SELECT amount_tkr FROM one o WHERE o.document_id = a.document_id AND o.area = a.area AND o.line = 'intakter' AND o.measure IN ('revenue', 'outcome') ORDER BY o.measure = 'revenue' DESC LIMIT 1) AS revenue,
      (SELECT period FROM one o WHERE o.document_id = a.document_id AND o.area = a.area AND o.line = 'kostnader' AND o.measure IN ('cost', 'outcome') ORDER BY o.measure = 'cost' DESC LIMIT 1) AS cost_period,
      (SELECT amount_tkr FROM one o WHERE o.document_id = a.document_id AND o.area = a.area AND o.line = 'nettokostnad' AND o.measure = 'deviation') AS dev_net,
      (SELECT amount_tkr FROM one o WHERE o.document_id = a.document_id AND o.area = a.area AND o.line = 'resultat' AND o.measure = 'deviation') AS dev_result,
      (SELECT amount_tkr FROM one o WHERE o.document_id = a.document_id AND o.area = a.area AND o.line = 'resultat' AND o.measure = 'result'
        AND EXISTS (SELECT 1 FROM one g WHERE g.document_id = a.document_id AND g.area = a.area AND g.line = 'kommunbidrag')) AS dev_after_grant
    FROM areas a
  )
  SELECT municipality, municipality_code, year, report_type, organ, document_id, area, area_name,
    coalesce(net_printed, cost - revenue) AS net_cost_tkr,
    CASE WHEN net_printed IS NOT NULL THEN net_printed_period ELSE cost_period END AS net_cost_period,
    CASE WHEN net_printed IS NOT NULL THEN 'nettokostnad' WHEN cost - revenue IS NOT NULL THEN 'kostnader - intäkter' END AS net_cost_basis,
    coalesce(dev_net, dev_result, dev_after_grant) AS deviation_tkr,
    CASE WHEN dev_net IS NOT NULL THEN 'avvikelse nettokostnad' WHEN dev_result IS NOT NULL THEN 'avvikelse resultat'
      WHEN dev_after_grant IS NOT NULL THEN 'resultat efter kommunbidrag' END AS deviation_basis
  FROM parts`;

const V_ACTIVITY_STATUS_SHARES = `
  CREATE VIEW v_activity_status_shares AS
  SELECT r.municipality, r.municipality_code, r.year, r.report_type, r.organ, r.document_id,
    a.status, count(*) AS activities,
    sum(count(*)) OVER (PARTITION BY r.document_id) AS total,
    round(count(*) * 1.0 / sum(count(*)) OVER (PARTITION BY r.document_id), 3) AS share
  FROM activities a
  JOIN v_reports r ON r.document_id = a.document_id
  GROUP BY r.document_id, a.status`;

const V_GOAL_ASSESSMENT_SHARES = `
  CREATE VIEW v_goal_assessment_shares AS
  SELECT r.municipality, r.municipality_code, r.year, r.report_type, r.organ, r.document_id,
    g.assessment, count(*) AS goals,
    sum(count(*)) OVER (PARTITION BY r.document_id) AS total,
    round(count(*) * 1.0 / sum(count(*)) OVER (PARTITION BY r.document_id), 3) AS share
  FROM goals g
  JOIN v_reports r ON r.document_id = g.document_id
  GROUP BY r.document_id, g.assessment`;

/** One row per indicator value; a series is (municipality, indicator, gender, kind) over period_year. */
const V_INDICATOR_SERIES = `
  CREATE VIEW v_indicator_series AS
  SELECT r.municipality, r.municipality_code, r.year, r.report_type, r.organ, r.document_id,
    m.area, m.area_top, m.area_name, m.method, m.score,
    i.table_id, i.row, i.indicator, i.path, i.gender, i.period,
    CASE
      WHEN i.period GLOB '[12][0-9][0-9][0-9]*' THEN CAST(substr(i.period, 1, 4) AS INTEGER)
      WHEN i.period GLOB '*[12][0-9][0-9][0-9]' THEN CAST(substr(i.period, -4) AS INTEGER)
    END AS period_year,
    i.kind, i.value_text, i.value, i.unit
  FROM indicator_values i
  JOIN v_reports r ON r.document_id = i.document_id
  LEFT JOIN indicator_map m ON m.document_id = i.document_id AND m.table_id = i.table_id AND m.row = i.row`;

export const migration003: Migration = {
  version: 3,
  name: 'compare',
  up(db: Database.Database): void {
    db.exec(`
      CREATE TABLE budget_row_map (
        ${DOC},
        table_id TEXT NOT NULL,
        row INTEGER NOT NULL,
        label TEXT NOT NULL,
        path TEXT NOT NULL,
        area TEXT,
        area_top TEXT,
        area_name TEXT,
        area_group TEXT,
        area_group_name TEXT,
        line TEXT,
        line_kind TEXT CHECK (line_kind IN ('revenue', 'cost', 'net', 'grant', 'result', 'deviation', 'investment', 'equity')),
        line_name TEXT,
        method TEXT NOT NULL CHECK (method IN ${METHODS}),
        score REAL NOT NULL,
        candidate TEXT,
        candidate_score REAL NOT NULL,
        reason TEXT,
        is_total INTEGER NOT NULL CHECK (is_total IN (0, 1)),
        is_part INTEGER NOT NULL CHECK (is_part IN (0, 1)),
        taxonomy TEXT NOT NULL,
        PRIMARY KEY (document_id, table_id, row)
      ) STRICT;

      CREATE TABLE indicator_map (
        ${DOC},
        table_id TEXT NOT NULL,
        row INTEGER NOT NULL,
        indicator TEXT NOT NULL,
        area TEXT,
        area_top TEXT,
        area_name TEXT,
        method TEXT NOT NULL CHECK (method IN ${METHODS}),
        score REAL NOT NULL,
        candidate TEXT,
        candidate_score REAL NOT NULL,
        reason TEXT,
        taxonomy TEXT NOT NULL,
        PRIMARY KEY (document_id, table_id, row)
      ) STRICT;

      CREATE TABLE budget_table_signs (
        ${DOC},
        table_id TEXT NOT NULL,
        cost_sign INTEGER CHECK (cost_sign IN (-1, 1)),
        revenue_sign INTEGER CHECK (revenue_sign IN (-1, 1)),
        sign_source TEXT CHECK (sign_source IN ('table', 'document')),
        evidence TEXT NOT NULL,
        value_line TEXT NOT NULL CHECK (value_line IN ('nettokostnad', 'resultat')),
        inferred_unit TEXT CHECK (inferred_unit IN ('tkr', 'mnkr', 'kr')),
        PRIMARY KEY (document_id, table_id)
      ) STRICT;

      ${V_REPORTS};
      ${V_BUDGET_MAPPED};
      ${V_BUDGET_BY_AREA};
      ${V_AREA_SUMMARY};
      ${V_ACTIVITY_STATUS_SHARES};
      ${V_GOAL_ASSESSMENT_SHARES};
      ${V_INDICATOR_SERIES};
    `);
    const docs = db.prepare<[], { id: number; json: string }>('SELECT id, json FROM documents ORDER BY id').all();
    for (const d of docs) insertMappings(db, d.id, JSON.parse(d.json) as CanonicalDocument);
  },
};
