export * from './source-doc.js';
export * from './diagnostic.js';
export * from './result.js';
export * from './records.js';
export * from './document.js';
