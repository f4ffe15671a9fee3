/** Public API of classify/: table kind, unit, and typed records from tables. */
export { classifyTableKind, type KindInput } from './kind.js';
export { detectUnit, toTkr } from './units.js';
export { extractActivities } from './activity-plan.js';
export { extractIndicators } from './indicators.js';
export { extractBudget } from './budget.js';
export { extractCountIndicators } from './count-columns.js';
export { checkArithmetic } from './arithmetic.js';
export { budgetMeasure, indicatorKind, periodOf } from './columns.js';
export { columnLabels } from './header.js';
