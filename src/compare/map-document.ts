/**
 * Maps one canonical document's budget rows and indicators to the taxonomy, and reads each
 * budget table's sign convention. Pure: a document in, plain rows out (the store writes them).
 *
 * A budget row is one (tableId, row) of doc.budget; its label names either an area
 * ("Ekonomiskt bistånd") or a budget line ("Personalkostnader"). A "varav"/"därav" row whose
 * own label names nothing takes its parent's mapping (method `path`): "varav temporära
 * boenden" under "Flyktingmottagande" is part of flyktingmottagande.
 */
import type { BudgetMeasure, CanonicalDocument } from '../model/index.js';
import { matchIndicator, matchLabel, type LabelMatch, type MatchMethod } from './match.js';
import { loadTaxonomy, type LineKind, type Taxonomy, type Term } from './taxonomy.js';

export interface BudgetRowMapping {
  tableId: string;
  row: number;
  label: string;
  path: string[];
  area: string | null;
  /** The top-level area (the area itself, or its parent). */
  areaTop: string | null;
  areaName: string | null;
  line: string | null;
  lineKind: LineKind | null;
  lineName: string | null;
  method: MatchMethod;
  score: number;
  candidate: string | null;
  candidateScore: number;
  reason: string | null;
  /** "Summa", "Totalt …": the row sums rows above it. */
  isTotal: boolean;
  /** "varav …": the row is part of the row above it. */
  isPart: boolean;
  /**
   * Where the row's amounts belong in a per-area comparison: its top-level area; WHOLE for a
   * total row ("Summa") and for budget-line rows of a table that has no area rows (a
   * resultaträkning for the whole nämnd); null for a line row in a table of areas (Tyresö's
   * "Kommunbidrag" under its flyktingmottagande rows) and for unmapped rows.
   */
  areaGroup: string | null;
  areaGroupName: string | null;
}

/** The area key of a whole report's totals (the nämnd or verksamhet the report covers). */
export const WHOLE = 'hela';
export const WHOLE_NAME = 'Hela nämnden';

export interface IndicatorMapping {
  tableId: string;
  row: number;
  indicator: string;
  area: string | null;
  areaTop: string | null;
  areaName: string | null;
  method: MatchMethod;
  score: number;
  candidate: string | null;
  candidateScore: number;
  reason: string | null;
}

export type Sign = -1 | 1;

export interface TableSign {
  tableId: string;
  /** -1 when costs are printed negative, 1 when positive, null when the document shows no cost. */
  costSign: Sign | null;
  revenueSign: Sign | null;
  /** 'table' when read from this table's own cost/revenue values, 'document' when borrowed. */
  source: 'table' | 'document' | null;
  evidence: string;
  /**
   * What an area row's outcome/budget/forecast/deviation values are: 'resultat' in a table
   * that also has intäkt/kostnad/resultat columns (Tyresö's "Prognos" is the result's
   * forecast), otherwise 'nettokostnad' (a driftredovisning per area: Hjo, Ale).
   */
  valueLine: 'nettokostnad' | 'resultat';
  /**
   * The money unit of a budget table that prints none (Ale's per-area table under a heading
   * row only), taken from the document's other budget tables when they all agree; else null.
   */
  inferredUnit: 'tkr' | 'mnkr' | 'kr' | null;
}

export interface DocumentMappings {
  taxonomy: string;
  budgetRows: BudgetRowMapping[];
  indicators: IndicatorMapping[];
  tableSigns: TableSign[];
}

const COST_KINDS: ReadonlySet<LineKind> = new Set(['cost', 'net']);
/** Measures whose value is the amount itself (not a deviation, share or count). */
const AMOUNT_MEASURES: ReadonlySet<BudgetMeasure> = new Set(['outcome', 'budget', 'forecast']);

function topOf(term: Term, taxonomy: Taxonomy): Term {
  return term.parent ? (taxonomy.byKey.get(term.parent) ?? term) : term;
}

function fromMatch(m: LabelMatch, taxonomy: Taxonomy) {
  const t = m.term;
  return {
    area: t?.kind === 'area' ? t.key : null,
    areaTop: t?.kind === 'area' ? topOf(t, taxonomy).key : null,
    areaName: t?.kind === 'area' ? t.name : null,
    line: t?.kind === 'line' ? t.key : null,
    lineKind: t?.kind === 'line' ? t.lineKind : null,
    lineName: t?.kind === 'line' ? t.name : null,
  };
}

export function mapBudgetRows(doc: CanonicalDocument, taxonomy: Taxonomy = loadTaxonomy()): BudgetRowMapping[] {
  const seen = new Set<string>();
  const out: BudgetRowMapping[] = [];
  for (const b of doc.budget) {
    const id = `${b.tableId}\u0000${b.row}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const own = matchLabel(b.label, taxonomy);
    let mapped = fromMatch(own, taxonomy);
    let method = own.method;
    let score = own.score;
    let reason = own.reason;
    if (!own.term && own.text.part) {
      // Nearest mapped parent in the row path (the path ends with the label itself).
      for (let i = b.path.length - 2; i >= 0; i--) {
        const parent = matchLabel(b.path[i], taxonomy);
        if (parent.term) {
          mapped = fromMatch(parent, taxonomy);
          method = 'path';
          score = parent.score;
          reason = null;
          break;
        }
      }
    }
    out.push({
      tableId: b.tableId, row: b.row, label: b.label, path: b.path, ...mapped, method, score,
      candidate: own.candidate?.key ?? null, candidateScore: own.candidateScore, reason,
      isTotal: own.text.total, isPart: own.text.part, areaGroup: null, areaGroupName: null,
    });
  }
  const tablesWithAreas = new Set(out.filter((r) => r.area !== null).map((r) => r.tableId));
  for (const r of out) {
    const bareTotal = r.isTotal && r.reason === 'empty';
    if (bareTotal && !tablesWithAreas.has(r.tableId)) {
      // "Totalt:" under investment projects sums investments: the one line kind of its table.
      const kinds = new Set(out.filter((o) => o.tableId === r.tableId && o.lineKind !== null).map((o) => o.lineKind));
      const line = out.find((o) => o.tableId === r.tableId && o.lineKind !== null);
      if (kinds.size === 1 && line) {
        const top = topOf(taxonomy.byKey.get(line.line!)!, taxonomy);
        Object.assign(r, { line: top.key, lineKind: top.lineKind, lineName: top.name, method: 'path', score: 1, reason: null });
      }
    }
    if (r.areaTop !== null) {
      r.areaGroup = r.areaTop;
      r.areaGroupName = taxonomy.byKey.get(r.areaTop)?.name ?? null;
    } else if ((bareTotal && tablesWithAreas.has(r.tableId)) || (r.line !== null && !tablesWithAreas.has(r.tableId))) {
      r.areaGroup = WHOLE;
      r.areaGroupName = WHOLE_NAME;
    }
  }
  return out;
}

export function mapIndicators(doc: CanonicalDocument, taxonomy: Taxonomy = loadTaxonomy()): IndicatorMapping[] {
  return doc.indicators.map((ind) => {
    const m = matchIndicator(ind.name, taxonomy);
    // A "varav" indicator row ("varav barnfamiljer") is read with its parents.
    const full = !m.term && ind.path.length > 0 ? matchIndicator([...ind.path, ind.name].join(' '), taxonomy) : m;
    const use = full.term ? full : m;
    const t = use.term;
    return {
      tableId: ind.tableId, row: ind.row, indicator: ind.name,
      area: t?.key ?? null, areaTop: t ? topOf(t, taxonomy).key : null, areaName: t?.name ?? null,
      method: use === m ? m.method : t ? 'path' : 'none', score: use.score,
      candidate: use.candidate?.key ?? null, candidateScore: use.candidateScore, reason: use.reason,
    };
  });
}

interface SignCount {
  negative: number;
  positive: number;
}

function majority(c: SignCount): Sign | null {
  if (c.negative === 0 && c.positive === 0) return null;
  return c.negative > c.positive ? -1 : 1;
}

function describe(kind: string, c: SignCount): string {
  const n = c.negative + c.positive;
  return n === 0 ? `no ${kind} values` : `${c.negative} of ${n} ${kind} values negative`;
}

/**
 * Per budget table: are costs printed negative? Read from the values of rows mapped to cost
 * and net-cost lines (Kostnader, Personalkostnader, Nettokostnad) and of cost columns
 * (measure `cost`), counting outcome, budget and forecast amounts only: a deviation's sign
 * says better or worse, not which side of the ledger. Revenues likewise. A table with no cost
 * value of its own (a driftredovisning per area) takes the document's majority.
 */
export function tableSigns(doc: CanonicalDocument, rows: readonly BudgetRowMapping[]): TableSign[] {
  const byRow = new Map(rows.map((r) => [`${r.tableId}\u0000${r.row}`, r]));
  const tables = new Map<string, { cost: SignCount; revenue: SignCount; measures: Set<BudgetMeasure> }>();
  for (const b of doc.budget) {
    let t = tables.get(b.tableId);
    if (!t) {
      t = { cost: { negative: 0, positive: 0 }, revenue: { negative: 0, positive: 0 }, measures: new Set() };
      tables.set(b.tableId, t);
    }
    t.measures.add(b.measure);
    if (b.valueTkr === null || b.valueTkr === 0) continue;
    const m = byRow.get(`${b.tableId}\u0000${b.row}`);
    const kind = m?.lineKind ?? null;
    let side: 'cost' | 'revenue' | null = null;
    if (b.measure === 'cost') side = 'cost';
    else if (b.measure === 'revenue') side = 'revenue';
    else if (AMOUNT_MEASURES.has(b.measure) && kind !== null && COST_KINDS.has(kind)) side = 'cost';
    else if (AMOUNT_MEASURES.has(b.measure) && kind === 'revenue') side = 'revenue';
    if (side === null) continue;
    // A revenue column's value on a kommunbidrag or result row is not a revenue ("Kommunbidrag -10 664").
    if (side === 'revenue' && kind !== null && kind !== 'revenue') continue;
    if (b.valueTkr < 0) t[side].negative++;
    else t[side].positive++;
  }
  const docCost: SignCount = { negative: 0, positive: 0 };
  const docRevenue: SignCount = { negative: 0, positive: 0 };
  for (const t of tables.values()) {
    docCost.negative += t.cost.negative;
    docCost.positive += t.cost.positive;
    docRevenue.negative += t.revenue.negative;
    docRevenue.positive += t.revenue.positive;
  }
  const docUnits = new Set<'tkr' | 'mnkr' | 'kr'>();
  for (const x of doc.tables) {
    if (tables.has(x.id) && (x.unit === 'tkr' || x.unit === 'mnkr' || x.unit === 'kr')) docUnits.add(x.unit);
  }
  return [...tables].map(([tableId, t]) => {
    const own = majority(t.cost);
    const costSign = own ?? majority(docCost);
    const revenueSign = majority(t.revenue) ?? majority(docRevenue);
    const source = own !== null ? 'table' : costSign !== null ? 'document' : null;
    const evidence =
      own !== null
        ? `${describe('cost', t.cost)}; ${describe('revenue', t.revenue)}`
        : `no cost values in the table; document: ${describe('cost', docCost)}`;
    const hasLedgerColumns = ['revenue', 'cost', 'result'].some((m) => t.measures.has(m as BudgetMeasure));
    const unit = doc.tables.find((x) => x.id === tableId)?.unit ?? null;
    const inferredUnit = unit === null && docUnits.size === 1 ? [...docUnits][0] : null;
    return {
      tableId, costSign, revenueSign, source, evidence, valueLine: hasLedgerColumns ? 'resultat' : 'nettokostnad', inferredUnit,
    };
  });
}

export function mapDocument(doc: CanonicalDocument, taxonomy: Taxonomy = loadTaxonomy()): DocumentMappings {
  const budgetRows = mapBudgetRows(doc, taxonomy);
  return {
    taxonomy: taxonomy.hash,
    budgetRows,
    indicators: mapIndicators(doc, taxonomy),
    tableSigns: tableSigns(doc, budgetRows),
  };
}
