export * from './options.js';
export * from './generation-config.js';
export * from './presets.js';
export * from './resolve-config.js';
export { optionsMarkdown } from './options-table.js';
export { limitOf, type Limit } from './limits.js';
