export * from './property-kinds.js';
export * from './vocabulary.js';
export * from './ids.js';
export * from './records.js';
export * from './rows.js';
export { vocabularyMarkdown } from './vocabulary-table.js';
export * from './ground-truth.js';
export * from './tables.js';
export * from './time.js';
