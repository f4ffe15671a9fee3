/** Tables whose column gaps were lost (flattened or glued text). */
export { detectFlatTables, findFlatTables, type FlatDetection } from './detect.js';
export { recoverFlatTable, guessMode, type Certainty, type FlatCell, type FlatRow, type FlatTable } from './recover.js';
export { parseFlatHeader, columnRole, type ColumnRole, type FlatHeader } from './header.js';
export { readings, splitTail, type Mode, type Piece } from './segment.js';
export { markCertainty, recordCertainty, type RecordCertainty } from './certainty.js';
