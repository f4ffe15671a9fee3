/** The store's public surface: the only code that speaks SQL. */
export { openReadOnly, openWritable, type ReadableDb, type WritableDb } from './open.js';
export { LATEST_VERSION, migrate } from './migrate.js';
export {
  clearImportErrors, countRows, hasDocument, recordImportError, writeDocument,
  type ImportErrorInfo, type WriteInfo, type WriteResult,
} from './write-document.js';
export { QueryError, runQuery, type QueryResult } from './query.js';
