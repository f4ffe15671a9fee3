/** Public API of normalize/: Swedish numbers, statuses, assessments and dates. */
export { parseNumberSv, isNumericCell, isNoValueText, type ParsedNumber, type NumberUnit } from './number-sv.js';
export { normalizeActivityStatus, normalizeAssessment } from './status.js';
export { parseDue } from './dates.js';
export { cleanCell, cleanLabel, stripEmphasis } from './markup.js';
